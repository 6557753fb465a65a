package io.netdock.container.web;

import io.netdock.api.OpenResponses;
import io.netdock.container.ContainerExits;
import jakarta.servlet.AsyncContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends a container's open stream once, whoever asks first: the container exits, netdock shuts down, or the
 * stream itself asks ({@link #run()}: the client went away, a write failed). What was registered for it is
 * forgotten however it ends.
 */
final class AsyncEnd implements Runnable {

    private final AsyncContext async;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Runnable beforeEnd = () -> { };

    private AsyncEnd(AsyncContext async) {
        this.async = async;
    }

    /** An open stream of {@code containerId} on {@code async} that ends at the container's next exit or at shutdown. */
    static AsyncEnd atExitOrShutdown(AsyncContext async, String containerId, ContainerExits exits, OpenResponses open) {
        AsyncEnd end = new AsyncEnd(async);
        var registration = exits.register(containerId, ContainerExits.Until.NEXT_EXIT, code -> end.run());
        var shutdown = open.add(end);
        async.addListener(new CompletionListener(() -> {
            end.beforeEnd.run();
            registration.cancel();
            shutdown.close();
        }));
        return end;
    }

    /** Runs before the response ends, however it ends (e.g. stop a timer, give the connection back). */
    AsyncEnd beforeEnd(Runnable action) {
        this.beforeEnd = action;
        return this;
    }

    @Override
    public void run() {
        if (ended.compareAndSet(false, true)) {
            beforeEnd.run();
            async.complete();
        }
    }
}
