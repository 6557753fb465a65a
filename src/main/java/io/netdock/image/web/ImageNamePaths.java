package io.netdock.image.web;

import io.netdock.api.ReroutedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Image names contain slashes ({@code localhost:5000/team/app:1}); dockerd routes {@code /images/{name:.*}/json}.
 * Spring path variables stop at a slash, so this encodes the slashes of the name as {@code %2F} before routing;
 * the controllers receive the decoded name.
 */
final class ImageNamePaths extends OncePerRequestFilter {

    private static final Pattern INSPECT = Pattern.compile("^/images/(.+/.+)/json$");
    private static final Pattern IMAGE = Pattern.compile("^/images/(.+/.+)$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher inspect = INSPECT.matcher(path);
        Matcher image = IMAGE.matcher(path);
        if ("GET".equals(request.getMethod()) && inspect.matches()) {
            chain.doFilter(new ReroutedRequest(request, "/images/" + inspect.group(1).replace("/", "%2F") + "/json"), response);
        } else if ("DELETE".equals(request.getMethod()) && image.matches()) {
            chain.doFilter(new ReroutedRequest(request, "/images/" + image.group(1).replace("/", "%2F")), response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
