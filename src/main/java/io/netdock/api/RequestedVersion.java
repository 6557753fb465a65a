package io.netdock.api;

import jakarta.servlet.http.HttpServletRequest;

/** Where the version filter leaves the API version a request asked for (unprefixed = the maximum). */
public final class RequestedVersion {

    static final String ATTRIBUTE = RequestedVersion.class.getName();

    private RequestedVersion() {
    }

    public static ApiVersion of(HttpServletRequest request) {
        Object version = request.getAttribute(ATTRIBUTE);
        return version instanceof ApiVersion v ? v : ApiVersion.MAX;
    }
}
