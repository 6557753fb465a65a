package io.netdock.api;

import jakarta.servlet.http.HttpServletResponse;

/** The headers dockerd puts on every routed response. */
public final class DockerHeaders {

    public static final String API_VERSION = "Api-Version";

    private DockerHeaders() {
    }

    /** Headers also present on version-check errors (no {@code Docker-Experimental} there, as in dockerd). */
    static void addBase(HttpServletResponse response, ServerIdentity identity) {
        response.setHeader(API_VERSION, ApiVersion.MAX.text());
        response.setHeader("Ostype", identity.osType());
        response.setHeader("Server", identity.serverHeader());
    }

    static void addAll(HttpServletResponse response, ServerIdentity identity) {
        addBase(response, identity);
        response.setHeader("Docker-Experimental", "false");
    }
}
