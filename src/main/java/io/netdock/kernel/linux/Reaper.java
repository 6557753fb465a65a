package io.netdock.kernel.linux;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.KernelObjectNotFound;
import io.netdock.kernel.spi.LinkGroups;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes retired links in the background. Linux unregisters an interface inside the request that deletes it, and
 * before it answers it waits for RCU: {@code rcu_barrier()} in {@code netdev_run_todo} once per request, and for
 * each bridge another one in {@code br_multicast_dev_del} — 15–40 ms with {@code HZ=250}, whatever else is going
 * on. netdock first takes a link out of service (down, renamed out of the way) and leaves the waiting to this one
 * platform thread with its own socket in the host namespace.
 * <ul>
 *   <li>Retired veths are in {@link LinkGroups#RETIRED}, all on the host side (a sandbox's veth is retired through
 *       its host end, which takes the sandbox end with it): one {@code ip link delete group} deletes every veth
 *       retired meanwhile, so a burst waits for RCU once — and outside the RTNL lock.</li>
 *   <li>A bridge's second wait happens while it holds the RTNL lock, which every rtnetlink request of every
 *       process needs: bridges are deleted one per request, so a burst of them never blocks others for longer
 *       than one bridge.</li>
 * </ul>
 * Each deletion waits for a quiet moment: until netdock has made no rtnetlink request for {@link Patience#quiet}
 * ({@link Patience#DEFAULT}: 50 ms), but no longer than {@link Patience#atMost} (1 s). {@link #settle} deletes everything at once. Every request is ACKed; a
 * failure is logged, and what it leaves behind is deleted by the next request or by reconcile at the next start.
 */
final class Reaper implements AutoCloseable {

    /** How long deletions wait for netdock to be quiet, and at most. */
    record Patience(Duration quiet, Duration atMost) {

        static final Patience DEFAULT = new Patience(Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    private static final Logger log = LoggerFactory.getLogger(Reaper.class);

    private final NetlinkSocket host;
    private final long quietNanos;
    private final long atMostNanos;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "netdock-reaper");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());
    /** Guarded by this: veths were retired and no deletion of the group has started since. */
    private boolean veths;
    /** Guarded by this: names of retired bridges, oldest first. */
    private final Deque<String> bridges = new ArrayDeque<>();
    /** Guarded by this: a deletion is scheduled. */
    private boolean scheduled;
    /** Guarded by this: since when the next deletion has been waiting. */
    private long waitingSince;

    /** @param host a socket of its own in the host namespace (the reaper's requests block while the kernel waits) */
    Reaper(NetlinkSocket host, Patience patience) {
        this.host = host;
        this.quietNanos = patience.quiet().toNanos();
        this.atMostNanos = patience.atMost().toNanos();
    }

    /** netdock is making an rtnetlink request: not a quiet moment. */
    void touch() {
        lastRequest.set(System.nanoTime());
    }

    /** Deletes the host's retired veths ({@link LinkGroups#RETIRED}) at the next quiet moment. */
    synchronized void reapVeths() {
        touch();
        veths = true;
        schedule();
    }

    /** Deletes a retired bridge, by its new name, at the next quiet moment. */
    synchronized void reapBridge(String name) {
        touch();
        bridges.add(name);
        schedule();
    }

    /**
     * Takes the oldest retired bridge back from the deletion queue, to serve a new network: in a burst of networks
     * coming and going, a new bridge would otherwise wait for the RTNL lock behind the deletion of old ones (each
     * holds it through an {@code rcu_barrier()}).
     */
    synchronized Optional<String> reuseBridge() {
        return Optional.ofNullable(bridges.pollFirst());
    }

    /** Puts back a bridge {@link #reuseBridge} gave that could not be used. */
    synchronized void reapBridgeFirst(String name) {
        bridges.addFirst(name);
        schedule();
    }

    /** Guarded by this. */
    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            waitingSince = System.nanoTime();
            long quietFor = waitingSince - lastRequest.get();
            executor.schedule(this::deleteWhenQuiet, Math.max(0, quietNanos - quietFor), TimeUnit.NANOSECONDS);
        }
    }

    private void deleteWhenQuiet() {
        long now = System.nanoTime();
        long quietFor = now - lastRequest.get();
        synchronized (this) {
            if (quietFor < quietNanos && now - waitingSince < atMostNanos) {
                executor.schedule(this::deleteWhenQuiet, quietNanos - quietFor, TimeUnit.NANOSECONDS);
                return;
            }
        }
        boolean more = deleteOne();
        synchronized (this) {
            scheduled = false;
            if (more) {
                schedule();
            }
        }
    }

    /** On the reaper thread: deletes the retired veths, or else one retired bridge. @return whether more is left */
    private boolean deleteOne() {
        String bridge = null;
        boolean group;
        synchronized (this) {
            group = veths;
            veths = false;
            if (!group) {
                bridge = bridges.poll();
            }
        }
        if (group) {
            delete(RtnlCodec.deleteGroup(LinkGroups.RETIRED), "delete retired veths");
        } else if (bridge != null) {
            delete(RtnlCodec.deleteLink(bridge), "delete retired bridge " + bridge);
        }
        synchronized (this) {
            return veths || !bridges.isEmpty();
        }
    }

    private void delete(NetlinkMessage request, String operation) {
        try {
            host.request(request, operation);
        } catch (KernelObjectNotFound gone) {
            // nothing to delete any more (the kernel may have freed a namespace's veths with it meanwhile)
        } catch (RuntimeException failure) {
            log.warn("{}", failure.getMessage());
        }
    }

    /** Deletes everything retired so far, now, and waits for it. */
    void settle() {
        try {
            executor.submit(() -> {
                while (deleteOne()) {
                    // until nothing is left
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted waiting for retired links to be deleted", Errno.EINTR, e);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Deletes what is retired, then stops and closes its socket. */
    @Override
    public void close() {
        try {
            settle();
        } finally {
            executor.shutdownNow();
            host.close();
        }
    }
}
