package io.netdock.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs for requests that reached one of netdock's Docker routes: adds dockerd's headers, and refuses the
 * implicit {@code HEAD} Spring would allow on every {@code GET} (dockerd serves HEAD only where declared).
 */
class DockerResponseInterceptor implements HandlerInterceptor {

    private final ServerIdentity identity;

    DockerResponseInterceptor(ServerIdentity identity) {
        this.identity = identity;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isDockerRoute(method)) {
            return true;
        }
        if ("HEAD".equals(request.getMethod()) && !declaresHead(method)) {
            throw new PageNotFound();
        }
        DockerHeaders.addAll(response, identity);
        return true;
    }

    private static boolean isDockerRoute(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("io.netdock");
    }

    private static boolean declaresHead(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.asList(mapping.method()).contains(RequestMethod.HEAD);
    }
}
