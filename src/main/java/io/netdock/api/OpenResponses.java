package io.netdock.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The long-lived responses that wait for something to happen (a {@code wait} for an exit, an attached stream,
 * a stats stream). On shutdown each is ended before the web server's graceful shutdown starts (a higher
 * phase stops first), so that shutdown never waits for a container that keeps running.
 */
@Component
public class OpenResponses implements SmartLifecycle {

    /** One open response; {@link #close()} forgets it (call once the response has ended for any reason). */
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<Runnable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean stopping;

    /** Remembers how to end a response at shutdown; one opened while shutting down is ended at once. */
    public Handle add(Runnable endAtShutdown) {
        Runnable entry = endAtShutdown::run;
        open.add(entry);
        if (stopping && open.remove(entry)) {
            entry.run();
        }
        return () -> open.remove(entry);
    }

    /** How many responses are open (for tests and diagnostics). */
    public int count() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
        stopping = false;
    }

    @Override
    public void stop() {
        running = false;
        stopping = true;
        for (Runnable end : Set.copyOf(open)) {
            open.remove(end);
            end.run();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
