package io.netdock.kernel.linux;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes retired links in the background. Linux unregisters an interface inside the request that deletes it, and
 * before it answers it waits for RCU: {@code rcu_barrier()} in {@code netdev_run_todo} for every link, and for a
 * bridge another one in {@code br_multicast_dev_del} — 15–40 ms with {@code HZ=250}, whatever else is going on.
 * netdock first takes a link out of service (down, renamed, in {@link io.netdock.kernel.spi.LinkGroups#RETIRED})
 * and leaves the waiting to this one platform thread: one {@code ip link delete group} per namespace deletes every
 * link retired there meanwhile in a single unregistration, so a burst waits for RCU once. Every request is still
 * ACKed; a failure is logged, and what it leaves behind is deleted by the next request for the namespace or by
 * reconcile at the next start.
 */
final class Reaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reaper.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "netdock-reaper");
        thread.setDaemon(true);
        return thread;
    });
    /** Namespaces with a deletion queued but not yet started: one queued deletion covers later retirements. */
    private final Set<LinuxNetNamespace> queued = ConcurrentHashMap.newKeySet();

    /** Deletes the namespace's retired links soon. */
    void reap(LinuxNetNamespace namespace) {
        if (queued.add(namespace)) {
            executor.execute(() -> {
                queued.remove(namespace);
                deleteRetired(namespace);
            });
        }
    }

    /** Deletes the retired links of a namespace that has been removed, then closes it (sockets, handle). */
    void reapAndClose(LinuxNetNamespace namespace) {
        executor.execute(() -> {
            deleteRetired(namespace);
            namespace.close();
        });
    }

    private static void deleteRetired(LinuxNetNamespace namespace) {
        try {
            namespace.deleteRetired();
        } catch (RuntimeException failure) {
            log.warn("could not delete retired links: {}", failure.getMessage());
        }
    }

    /** Waits until everything handed over so far is done. */
    void settle() {
        try {
            executor.submit(() -> null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted waiting for retired links to be deleted", Errno.EINTR, e);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Finishes what was handed over, then stops. */
    @Override
    public void close() {
        settle();
        executor.shutdown();
    }
}
