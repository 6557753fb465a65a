package io.netdock.events.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.ClientDisconnect;
import io.netdock.api.OpenResponses;
import io.netdock.events.EventLog;
import io.netdock.events.EventQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens event streams and owns their threads: a pool that sends queued events (threads exist only while
 * there is something to send) and one timer thread that ends streams at their {@code until}. On shutdown
 * {@link OpenResponses} ends every open stream first, so the web server's graceful shutdown does not wait for
 * them.
 */
@Component
class EventStreams implements DisposableBean {

    private final JsonMapper json;
    private final ExecutorService senders = Executors.newCachedThreadPool(named("netdock-events-send"));
    private final ScheduledExecutorService deadlines =
            Executors.newSingleThreadScheduledExecutor(named("netdock-events-until"));

    private final OpenResponses openResponses;

    EventStreams(JsonMapper json, OpenResponses open) {
        this.json = json;
        this.openResponses = open;
    }

    /**
     * Starts a stream; a stream that stays open (no {@code until} in the past) ends when the client
     * disconnects or at {@code until}.
     */
    ResponseBodyEmitter open(EventLog log, EventQuery query, ApiVersion version, HttpServletRequest request) {
        EventStream stream = new EventStream(json, version, senders);
        stream.onClose(openResponses.add(stream::finish)::close);
        if (stream.start(log, query)) {
            stream.beforeNormalEnd(ClientDisconnect.watch(request, stream::abandon)::release);
            if (query.until().isPresent()) {
                long delay = query.until().getAsLong() - log.nowNano();
                ScheduledFuture<?> deadline = deadlines.schedule(stream::finish, Math.max(delay, 0), TimeUnit.NANOSECONDS);
                stream.onClose(() -> deadline.cancel(false));
            }
        }
        return stream.emitter();
    }

    /** The threads are released only here: a stopped context may be started again (Spring pauses idle ones). */
    @Override
    public void destroy() {
        deadlines.shutdownNow();
        senders.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
