package io.netdock.container.web;

import io.netdock.api.ClientDisconnect;
import io.netdock.api.OpenResponses;
import io.netdock.container.ContainerExits;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@code POST /containers/{id}/wait} whose headers are out and whose body waits for the container. It ends
 * exactly once, whichever comes first: the container exits (or is removed) and the body is written; the
 * client goes away (the CLI's {@code docker run -d} does so at once) and the response is dropped without
 * writing; netdock shuts down and the wait is answered with an error, as a wait cut short is on dockerd.
 */
final class PendingWait {

    static final String SHUTTING_DOWN = "netdock is shutting down";

    private final AtomicBoolean ended = new AtomicBoolean();
    private final AsyncContext async;
    private volatile ContainerExits.Registration registration;
    private volatile ClientDisconnect disconnect;
    private volatile OpenResponses.Handle shutdown;

    private PendingWait(AsyncContext async) {
        this.async = async;
    }

    /** Starts waiting; the response's headers must already be flushed. */
    static void start(HttpServletRequest request, String containerId, ContainerExits.Until until,
                      ContainerExits exits, OpenResponses open) {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        PendingWait wait = new PendingWait(async);
        async.addListener(new CompletionListener(wait::forget));
        wait.disconnect = ClientDisconnect.watch(request, wait::abandon);
        wait.registration = exits.register(containerId, until, code -> wait.answer(body(code, null)));
        wait.shutdown = open.add(() -> wait.answer(body(-1, SHUTTING_DOWN)));
        if (wait.ended.get()) {
            // ended while being set up: what was registered after the end is forgotten here
            wait.forget();
        }
    }

    /** The body of a wait that is over: Docker's {@code ContainerWaitResponse}. */
    static byte[] body(int code, String error) {
        String errorJson = error == null ? "null" : "{\"Message\":\"" + error + "\"}";
        return ("{\"StatusCode\":" + code + ",\"Error\":" + errorJson + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    private void answer(byte[] body) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        disconnect.release();
        try {
            async.getResponse().getOutputStream().write(body);
        } catch (IOException | IllegalStateException clientGone) {
            // nobody is listening any more
        }
        async.complete();
    }

    private void abandon() {
        if (ended.compareAndSet(false, true)) {
            async.complete();
        }
    }

    private void forget() {
        ContainerExits.Registration exit = registration;
        if (exit != null) {
            exit.cancel();
        }
        OpenResponses.Handle handle = shutdown;
        if (handle != null) {
            handle.close();
        }
    }
}
