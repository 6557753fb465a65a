package io.netdock.dns;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Docker's limit on forwards in flight ({@code maxConcurrent} in libnetwork's {@code resolver.go}): a forward to an
 * upstream takes a slot for as long as it runs; when all are taken, it waits for one — first come, first served —
 * and gives up after the wait (the query is then REFUSED). Nobody blocks a thread while waiting.
 */
final class ForwardSlots {

    private final int capacity;
    private final Duration wait;
    private final ArrayDeque<CompletableFuture<Boolean>> waiting = new ArrayDeque<>();
    private int taken;

    ForwardSlots(int capacity, Duration wait) {
        this.capacity = capacity;
        this.wait = wait;
    }

    /** Completes with true once a slot is the caller's (then {@link #release()} it), false when the wait ran out. */
    CompletableFuture<Boolean> take() {
        CompletableFuture<Boolean> slot = new CompletableFuture<>();
        synchronized (this) {
            if (taken < capacity) {
                taken++;
                slot.complete(true);
                return slot;
            }
            waiting.add(slot);
        }
        // out of the queue before it is told: whoever it tells sees the wait over
        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            boolean stillWaiting;
            synchronized (this) {
                stillWaiting = waiting.remove(slot);
            }
            if (stillWaiting) {
                slot.complete(false);
            }
        });
        return slot;
    }

    /** Hands the slot to the longest waiter still waiting, or frees it. */
    void release() {
        while (true) {
            CompletableFuture<Boolean> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    taken--;
                    return;
                }
            }
            if (next.complete(true)) {
                return;
            }
        }
    }

    synchronized int taken() {
        return taken;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
