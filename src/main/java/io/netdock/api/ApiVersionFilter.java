package io.netdock.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Docker's version middleware: strips a {@code /v{X.Y}} prefix so every route is served with and without it,
 * rejects versions outside [{@link ApiVersion#MIN}, {@link ApiVersion#MAX}] with dockerd's wording, and answers
 * {@code OPTIONS} for any path with an empty 200.
 */
public class ApiVersionFilter extends OncePerRequestFilter {

    private final ServerIdentity identity;
    private final ErrorWriter errors;

    public ApiVersionFilter(ServerIdentity identity, ErrorWriter errors) {
        this.identity = identity;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("OPTIONS".equals(request.getMethod())) {
            DockerHeaders.addAll(response, identity);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentLength(0);
            return;
        }
        VersionedPath path = VersionedPath.of(request.getRequestURI());
        ApiVersion requested = path.version();
        if (path.tooNew()) {
            DockerHeaders.addBase(response, identity);
            errors.writeJson(response, HttpServletResponse.SC_BAD_REQUEST, "client version " + requested
                    + " is too new. Maximum supported API version is " + ApiVersion.MAX);
            return;
        }
        if (path.tooOld()) {
            DockerHeaders.addBase(response, identity);
            writeTooOld(response, requested);
            return;
        }
        request.setAttribute(RequestedVersion.ATTRIBUTE, requested);
        chain.doFilter(withDefaultJsonContentType(request, path.route()), response);
    }

    /** Below 1.24 dockerd answers with Go's {@code http.Error}: plain text, not JSON. */
    private void writeTooOld(HttpServletResponse response, ApiVersion requested) throws IOException {
        String message = "client version " + requested + " is too old. Minimum supported API version is "
                + ApiVersion.MIN + ", please upgrade your client to a newer version\n";
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static HttpServletRequest withDefaultJsonContentType(HttpServletRequest request, String path) {
        return new UnversionedRequest(request, path);
    }

    /**
     * The request as the controllers see it: path without the version prefix, and a body without
     * {@code Content-Type} read as JSON (dockerd accepts that).
     */
    private static final class UnversionedRequest extends ReroutedRequest {

        UnversionedRequest(HttpServletRequest request, String path) {
            super(request, path);
        }

        @Override
        public String getContentType() {
            String type = super.getContentType();
            return type == null || type.isBlank() ? "application/json" : type;
        }

        @Override
        public String getHeader(String name) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                return getContentType();
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                return Collections.enumeration(List.of(getContentType()));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                names.add("Content-Type");
            }
            return Collections.enumeration(names);
        }
    }
}
