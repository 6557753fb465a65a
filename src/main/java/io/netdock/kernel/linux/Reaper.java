package io.netdock.kernel.linux;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.KernelObjectNotFound;
import io.netdock.kernel.spi.LinkGroups;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes retired links in the background. Linux unregisters an interface inside the request that deletes it, and
 * before it answers it waits for RCU: {@code rcu_barrier()} in {@code netdev_run_todo} for every request, and for a
 * bridge another one in {@code br_multicast_dev_del} — 15–40 ms with {@code HZ=250}, whatever else is going on.
 * netdock first takes a link out of service (down, out of the way, in {@link LinkGroups#RETIRED}) and leaves the
 * waiting to this one platform thread with its own socket in the host namespace. Every retired link is on the host
 * side (a sandbox's veth is retired through its host end, which takes the sandbox end with it), so one
 * {@code ip link delete group} deletes everything retired meanwhile in a single unregistration: a burst waits for
 * RCU about once. Every request is still ACKed; a failure is logged, and what it leaves behind is deleted by the
 * next request or by reconcile at the next start.
 */
final class Reaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reaper.class);

    private final NetlinkSocket host;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "netdock-reaper");
        thread.setDaemon(true);
        return thread;
    });
    /** A deletion is queued but has not started: it will also cover links retired until it does. */
    private final AtomicBoolean queued = new AtomicBoolean();

    /** @param host a socket of its own in the host namespace (the reaper's requests block while the kernel waits) */
    Reaper(NetlinkSocket host) {
        this.host = host;
    }

    /** Deletes the host's retired links soon. */
    void reap() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                deleteRetired();
            });
        }
    }

    private void deleteRetired() {
        try {
            host.request(RtnlCodec.deleteGroup(LinkGroups.RETIRED), "delete retired links");
        } catch (KernelObjectNotFound none) {
            // nothing left in the group (the kernel may have freed them with their namespace meanwhile)
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

    /** Finishes what was handed over, then stops and closes its socket. */
    @Override
    public void close() {
        try {
            settle();
        } finally {
            executor.shutdown();
            host.close();
        }
    }
}
