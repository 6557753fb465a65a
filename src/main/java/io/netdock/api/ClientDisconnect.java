package io.netdock.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices that the client of a long-lived response went away while nothing is being written, as Go's HTTP
 * server does for dockerd (a background read on the connection). Jetty does not read a connection while a
 * request is being handled, so this registers read interest itself and treats end-of-stream or a failure as
 * the client leaving. {@link #release()} gives the connection back before the response ends normally, so Jetty
 * can read the client's next request on it.
 */
public final class ClientDisconnect {

    private static final ClientDisconnect UNWATCHED = new ClientDisconnect(null, () -> { });

    private final EndPoint endPoint;
    private final Runnable action;
    private final AtomicBoolean watching = new AtomicBoolean();

    private ClientDisconnect(EndPoint endPoint, Runnable action) {
        this.endPoint = endPoint;
        this.action = action;
    }

    /** Runs {@code action} once the client closes the connection (never, on a server where this cannot tell). */
    public static ClientDisconnect watch(HttpServletRequest request, Runnable action) {
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        if (jettyRequest == null) {
            return UNWATCHED;
        }
        ClientDisconnect watch =
                new ClientDisconnect(jettyRequest.getConnectionMetaData().getConnection().getEndPoint(), action);
        watch.listen();
        return watch;
    }

    /** Stops watching; call before ending the response normally. */
    public void release() {
        if (watching.compareAndSet(true, false) && endPoint instanceof AbstractEndPoint jettyEndPoint) {
            jettyEndPoint.getFillInterest().onFail(new Released());
        }
    }

    private void listen() {
        watching.set(true);
        if (!endPoint.tryFillInterested(Callback.from(this::onReadable, this::onFailure))) {
            watching.set(false);
        }
    }

    private void onFailure(Throwable failure) {
        if (!(failure instanceof Released) && watching.compareAndSet(true, false)) {
            action.run();
        }
    }

    private void onReadable() {
        if (!watching.compareAndSet(true, false)) {
            return;
        }
        ByteBuffer scratch = BufferUtil.allocate(1);
        try {
            if (endPoint.fill(scratch) < 0) {
                action.run();
                return;
            }
        } catch (IOException broken) {
            action.run();
            return;
        }
        // Anything the client sends while its long-lived response is open has no meaning here; keep listening.
        listen();
        if (!watching.get() && !endPoint.isOpen()) {
            action.run();
        }
    }

    /** Marks the watcher's own release, which is not the client leaving. */
    private static final class Released extends Exception {
        Released() {
            super("released", null, false, false);
        }
    }
}
