package io.netdock.api;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A long-lived response body (a wait, an attached stream, {@code logs -f}, an attached exec, stats) whose headers
 * are out. It ends exactly once, whoever asks first: the feature behind it ({@link #run()} or {@link #endWith}:
 * the container exited, the log closed, a write failed), the client hanging up (noticed at once, without waiting
 * for a write, and then nothing more is written), or netdock shutting down. What was registered for it
 * ({@link #whenEnded}) is undone however it ends.
 */
public final class StreamedResponse implements Runnable {

    private final AsyncContext async;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final List<Runnable> atEnd = new ArrayList<>();
    private boolean ended;

    private StreamedResponse(AsyncContext async) {
        this.async = async;
    }

    /** Turns the request's response into an open stream that shutdown simply ends; call after flushing the headers. */
    public static StreamedResponse start(HttpServletRequest request, OpenResponses open) {
        return start(request, open, null);
    }

    /**
     * Turns the request's response into an open stream; shutdown ends it with {@code lastWords} (when not null),
     * as dockerd answers a wait it cuts short. Call after flushing the headers.
     */
    public static StreamedResponse start(HttpServletRequest request, OpenResponses open, byte[] lastWords) {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        StreamedResponse response = new StreamedResponse(async);
        async.addListener(new CompletionListener(() -> {
            response.claimed.set(true);
            response.finish();
        }));
        Runnable atShutdown = lastWords == null ? response : () -> response.endWith(lastWords);
        response.whenEnded(open.add(atShutdown)::close);
        response.whenEnded(ClientDisconnect.watch(request, () -> {
            if (response.claimed.compareAndSet(false, true)) {
                response.finish();
            }
        })::release);
        return response;
    }

    /** Runs {@code action} when the stream ends (at once when it has already ended); returns this stream. */
    public StreamedResponse whenEnded(Runnable action) {
        synchronized (this) {
            if (!ended) {
                atEnd.add(action);
                return this;
            }
        }
        action.run();
        return this;
    }

    /** The body; writes after the end fail (the client is gone, or the stream was ended). */
    public OutputStream body() throws IOException {
        return async.getResponse().getOutputStream();
    }

    public void flush() throws IOException {
        async.getResponse().flushBuffer();
    }

    /** Ends the stream; harmless when it has already ended. */
    @Override
    public void run() {
        if (claimed.compareAndSet(false, true)) {
            finish();
        }
    }

    /** Writes {@code last} and ends the stream, unless it has already ended (then nothing is written). */
    public void endWith(byte[] last) {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            body().write(last);
        } catch (IOException | IllegalStateException clientGone) {
            // nobody is listening any more
        }
        finish();
    }

    private void finish() {
        List<Runnable> actions;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            actions = List.copyOf(atEnd);
            atEnd.clear();
        }
        actions.forEach(Runnable::run);
        try {
            async.complete();
        } catch (IllegalStateException alreadyComplete) {
            // the server ended it first (the connection failed)
        }
    }
}
