package io.netdock.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;

/**
 * Who waits for a container to exit or be removed ({@code POST /wait}, attached streams). Listeners run once,
 * on the thread that stopped or removed the container, after its events were published.
 */
@Component
public class ContainerExits {

    /** What a waiter waits for. */
    public enum Until {
        NEXT_EXIT, REMOVED
    }

    /** Cancels a registration (the client went away). */
    public interface Registration {
        void cancel();
    }

    private record Waiter(Until until, IntConsumer onDone) {
    }

    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();

    public Registration register(String containerId, Until until, IntConsumer onDone) {
        Waiter waiter = new Waiter(until, onDone);
        waiters.compute(containerId, (id, list) -> {
            List<Waiter> updated = list == null ? new ArrayList<>() : new ArrayList<>(list);
            updated.add(waiter);
            return updated;
        });
        return () -> waiters.computeIfPresent(containerId, (id, list) -> {
            List<Waiter> updated = new ArrayList<>(list);
            updated.remove(waiter);
            return updated.isEmpty() ? null : updated;
        });
    }

    void exited(String containerId, int exitCode) {
        notify(containerId, exitCode, false);
    }

    void removed(String containerId, int exitCode) {
        notify(containerId, exitCode, true);
    }

    private void notify(String containerId, int exitCode, boolean removed) {
        List<Waiter> done = new ArrayList<>();
        waiters.computeIfPresent(containerId, (id, list) -> {
            List<Waiter> remaining = new ArrayList<>();
            for (Waiter waiter : list) {
                if (removed || waiter.until() == Until.NEXT_EXIT) {
                    done.add(waiter);
                } else {
                    remaining.add(waiter);
                }
            }
            return remaining.isEmpty() ? null : remaining;
        });
        done.forEach(waiter -> waiter.onDone().accept(exitCode));
    }
}
