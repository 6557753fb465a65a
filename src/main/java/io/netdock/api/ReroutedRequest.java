package io.netdock.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request as routing should see it: the same request under another path (no version prefix, say). */
public class ReroutedRequest extends HttpServletRequestWrapper {

    private final String path;

    public ReroutedRequest(HttpServletRequest request, String path) {
        super(request);
        this.path = path;
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + path;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer();
        url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort());
        return url.append(getRequestURI());
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }
}
