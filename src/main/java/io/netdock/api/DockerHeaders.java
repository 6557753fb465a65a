package io.netdock.api;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.BiConsumer;

/** The headers dockerd puts on every routed response. */
public final class DockerHeaders {

    public static final String API_VERSION = "Api-Version";

    private DockerHeaders() {
    }

    /** Headers also present on version-check errors (no {@code Docker-Experimental} there, as in dockerd). */
    static void addBase(HttpServletResponse response, ServerIdentity identity) {
        base(identity, response::setHeader);
    }

    static void addAll(HttpServletResponse response, ServerIdentity identity) {
        each(identity, response::setHeader);
    }

    /** Every header of a routed response, for answers written outside the servlet API (name, value). */
    public static void each(ServerIdentity identity, BiConsumer<String, String> header) {
        base(identity, header);
        header.accept("Docker-Experimental", "false");
    }

    private static void base(ServerIdentity identity, BiConsumer<String, String> header) {
        header.accept(API_VERSION, ApiVersion.MAX.text());
        header.accept("Ostype", identity.osType());
        header.accept("Server", identity.serverHeader());
    }
}
