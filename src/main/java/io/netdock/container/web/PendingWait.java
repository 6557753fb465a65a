package io.netdock.container.web;

import io.netdock.api.OpenResponses;
import io.netdock.api.StreamedResponse;
import io.netdock.container.ContainerExits;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;

/**
 * A {@code POST /containers/{id}/wait} whose headers are out and whose body waits for the container. It ends
 * exactly once, whichever comes first: the container exits (or is removed) and the body is written; the
 * client goes away (the CLI's {@code docker run -d} does so at once) and the response is dropped without
 * writing; netdock shuts down and the wait is answered with an error, as a wait cut short is on dockerd.
 */
final class PendingWait {

    static final String SHUTTING_DOWN = "netdock is shutting down";

    private PendingWait() {
    }

    /** Starts waiting; the response's headers must already be flushed. */
    static void start(HttpServletRequest request, String containerId, ContainerExits.Until until,
                      ContainerExits exits, OpenResponses open) {
        StreamedResponse wait = StreamedResponse.start(request, open, body(-1, SHUTTING_DOWN));
        wait.whenEnded(exits.register(containerId, until, code -> wait.endWith(body(code, null)))::cancel);
    }

    /** The body of a wait that is over: Docker's {@code ContainerWaitResponse}. */
    static byte[] body(int code, String error) {
        String errorJson = error == null ? "null" : "{\"Message\":\"" + error + "\"}";
        return ("{\"StatusCode\":" + code + ",\"Error\":" + errorJson + "}\n").getBytes(StandardCharsets.UTF_8);
    }
}
