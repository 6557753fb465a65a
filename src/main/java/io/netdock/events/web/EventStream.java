package io.netdock.events.web;

import io.netdock.api.ApiVersion;
import io.netdock.events.Event;
import io.netdock.events.EventLog;
import io.netdock.events.EventQuery;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code GET /events} response: newline-delimited JSON, flushed per event. Publishers only enqueue; a
 * pooled thread drains the queue while there is something to send and is released when it is empty, so an
 * idle stream holds no thread. Closing (client gone, write failure, {@code until} reached) unsubscribes.
 */
final class EventStream {

    /** As dockerd's per-subscriber buffer: a client that falls this far behind loses events, never the daemon. */
    static final int BUFFER = 1024;
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final byte[] NOTHING = new byte[0];

    private final ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(BUFFER);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final JsonMapper json;
    private final ApiVersion version;
    private final Executor senders;
    private volatile EventLog.Subscription subscription;
    private volatile Runnable beforeNormalEnd = () -> { };
    private final List<Runnable> closeHooks = new CopyOnWriteArrayList<>();

    EventStream(JsonMapper json, ApiVersion version, Executor senders) {
        this.json = json;
        this.version = version;
        this.senders = senders;
        emitter.onCompletion(this::close);
        emitter.onError(failure -> close());
        emitter.onTimeout(this::close);
    }

    ResponseBodyEmitter emitter() {
        return emitter;
    }

    /**
     * Commits the headers at once, replays history, then either ends or goes live. Live events that arrive
     * during the replay wait in the queue, so they always follow it.
     *
     * @return whether the stream went live (then it ends at {@code until} or when the client goes); decided here
     *         once, so a caller never sees {@code until} pass between two looks at the clock
     */
    boolean start(EventLog log, EventQuery query) {
        draining.set(true);
        send(NOTHING);
        subscription = log.subscribe(query, this::enqueue);
        if (closed.get()) {
            subscription.close();
            return false;
        }
        subscription.replay().forEach(event -> send(encode(event)));
        if (query.onlyPast(log.nowNano())) {
            end();
            return false;
        }
        senders.execute(this::drainAndRelease);
        return true;
    }

    /** Ends the response without writing anything more: the client is gone. */
    void abandon() {
        close();
        emitter.complete();
    }

    /** Ends the response normally at {@code until}, after the events already queued. */
    void finish() {
        senders.execute(() -> {
            drain();
            end();
        });
    }

    /** Called once the stream is closed, however it ends. */
    void onClose(Runnable hook) {
        closeHooks.add(hook);
        if (closed.get()) {
            hook.run();
        }
    }

    /** Called before a normal end, e.g. to stop watching the connection. */
    void beforeNormalEnd(Runnable hook) {
        this.beforeNormalEnd = hook;
    }

    private void end() {
        beforeNormalEnd.run();
        closeSubscription();
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            emitter.complete();
        }
    }

    private void enqueue(Event event) {
        if (closed.get()) {
            return;
        }
        if (!queue.offer(event)) {
            log.warn("an events client is too slow; dropping a {} {} event for it", event.type(), event.action());
            return;
        }
        if (draining.compareAndSet(false, true)) {
            senders.execute(this::drainAndRelease);
        }
    }

    private void drainAndRelease() {
        do {
            drain();
            draining.set(false);
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    private synchronized void drain() {
        for (Event event = queue.poll(); event != null && !closed.get(); event = queue.poll()) {
            send(encode(event));
        }
    }

    private byte[] encode(Event event) {
        if (version.below("1.46") && event.type().equals("image") && event.action().equals("create")) {
            return null;
        }
        byte[] body = json.writeValueAsBytes(EventMessage.of(event, version));
        byte[] line = new byte[body.length + 1];
        System.arraycopy(body, 0, line, 0, body.length);
        line[body.length] = '\n';
        return line;
    }

    private void send(byte[] line) {
        if (line == null || closed.get()) {
            return;
        }
        try {
            emitter.send(line, MediaType.APPLICATION_OCTET_STREAM);
        } catch (IOException | IllegalStateException clientGone) {
            close();
        }
    }

    private void close() {
        closed.set(true);
        queue.clear();
        closeSubscription();
    }

    private void closeSubscription() {
        if (subscription != null) {
            subscription.close();
        }
        closeHooks.forEach(Runnable::run);
    }
}
