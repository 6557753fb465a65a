package io.netdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceLocksTest {

    private final ResourceLocks locks = new ResourceLocks(StoreFeed.unshared());
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void operationsOnDifferentContainersRunTogether() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        Supplier<Boolean> meet = () -> {
            bothInside.countDown();
            try {
                return bothInside.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        var first = CompletableFuture.supplyAsync(() -> locks.call(() -> LockPlan.container("a").andNetwork("n"), meet),
                threads);
        var second = CompletableFuture.supplyAsync(() -> locks.call(() -> LockPlan.container("b").andNetwork("n"), meet),
                threads);

        assertThat(first.get()).as("the first met the second inside").isTrue();
        assertThat(second.get()).isTrue();
    }

    @Test
    void operationsOnOneContainerRunOneAfterTheOther() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> locks.run(() -> LockPlan.container("a"), () -> {
            order.add("first in");
            firstInside.countDown();
            await(release);
            order.add("first out");
        }), threads);
        firstInside.await();
        var second = CompletableFuture.runAsync(() -> locks.run(() -> LockPlan.container("a"), () -> order.add("second")),
                threads);
        var removal = CompletableFuture.runAsync(() -> locks.run(() -> LockPlan.nothing().andRemovedNetwork("n"),
                () -> order.add("other network removed")), threads);
        removal.get();
        release.countDown();
        first.get();
        second.get();

        assertThat(order).containsExactly("first in", "other network removed", "first out", "second");
    }

    @Test
    void aRemovedNetworkWaitsForItsAttachments() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch attaching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var attach = CompletableFuture.runAsync(() -> locks.run(() -> LockPlan.container("a").andNetwork("n"), () -> {
            attaching.countDown();
            await(release);
            order.add("attached");
        }), threads);
        attaching.await();
        var remove = CompletableFuture.runAsync(() -> locks.run(() -> LockPlan.nothing().andRemovedNetwork("n"),
                () -> order.add("removed")), threads);
        release.countDown();
        attach.get();
        remove.get();

        assertThat(order).containsExactly("attached", "removed");
    }

    @Test
    void aPlanThatGrowsUnderTheLocksIsTakenAgainWhole() {
        AtomicInteger planned = new AtomicInteger();
        // the first plan misses a network the container got meanwhile; the second, under the locks, has it
        String result = locks.call(() -> planned.incrementAndGet() == 1 ? LockPlan.container("a")
                : LockPlan.container("a").andNetwork("late"), () -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(planned.get()).as("planned, planned again, took the larger set, planned once more").isEqualTo(3);
    }

    @Test
    void aCallInsideAnotherRunsUnderTheOutersLocks() {
        String inner = locks.call(() -> LockPlan.container("a"),
                () -> locks.call(() -> LockPlan.container("b"), () -> "inner"));

        assertThat(inner).isEqualTo("inner");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
