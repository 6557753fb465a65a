package io.netdock.store;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The locks of the operations that change daemon state (database, in-memory indexes and kernel together), on what
 * each one touches: its containers, the networks it attaches to or detaches from (shared) or removes (exclusive),
 * and the planning of new networks. Operations on different containers and networks run in parallel; two on the
 * same container, or a removal and an attachment on the same network, run one after the other, each applied whole.
 *
 * <p>No deadlock: every operation takes all its locks at once, in one fixed order — the daemon-wide lock (shared;
 * exclusive for the rare operation that touches everything), network planning, networks, containers — and the
 * catalogue of images is a leaf taken last and alone. Locks are striped (a fixed number per kind, chosen by hash), so
 * there is nothing to clean up. What an operation locks is planned from its references before it has the locks and
 * planned again once it holds them: a container or network changed meanwhile (renamed, connected elsewhere, removed)
 * makes the operation release and take the larger set.
 *
 * <p>Between processes sharing one PostgreSQL the database arbitrates (unique constraints, row locks, the
 * {@code network-create} store lock, container revisions); before an operation takes its locks, this process catches
 * up with what the others changed ({@link StoreFeed}), and the others' changes to a container are applied under that
 * container's lock ({@link #applying}), so an operation never sees its container change under it. One that finds
 * its container changed elsewhere after all ({@link ChangedElsewhere}: rolled back, nothing applied) releases its
 * locks, catches up and runs again from the new state. Reads take no lock.
 */
@Component
public class ResourceLocks {

    private static final int STRIPES = 1024;
    /** Runs of an operation that met a change another netdock made meanwhile, before the conflict is reported. */
    private static final int ATTEMPTS = 5;

    private final ReentrantReadWriteLock daemon = new ReentrantReadWriteLock();
    private final ReentrantLock networkCreation = new ReentrantLock();
    private final ReentrantReadWriteLock[] networks = new ReentrantReadWriteLock[STRIPES];
    private final ReentrantLock[] containers = new ReentrantLock[STRIPES];
    private final ReentrantLock catalogue = new ReentrantLock();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final StoreFeed feed;

    public ResourceLocks(StoreFeed feed) {
        this.feed = feed;
        for (int i = 0; i < STRIPES; i++) {
            networks[i] = new ReentrantReadWriteLock();
            containers[i] = new ReentrantLock();
        }
    }

    /**
     * Runs {@code work} holding the locks {@code plan} asks for. {@code plan} is called before and after the locks
     * are taken (it may throw, e.g. "no such container": the operation fails as it would have anyway). A call made
     * from inside another one runs under the outer call's locks.
     */
    public <T> T call(Supplier<LockPlan> plan, Supplier<T> work) {
        if (depth.get()[0] > 0) {
            return nested(work);
        }
        return caughtUpUntilNotChangedElsewhere(() -> locked(plan, work));
    }

    private <T> T locked(Supplier<LockPlan> plan, Supplier<T> work) {
        Stripes wanted = stripes(plan.get());
        while (true) {
            List<Lock> held = acquire(wanted);
            try {
                Stripes fresh = stripes(plan.get());
                if (wanted.covers(fresh)) {
                    return nested(work);
                }
                wanted = wanted.union(fresh);
            } finally {
                release(held);
            }
        }
    }

    public void run(Supplier<LockPlan> plan, Runnable work) {
        call(plan, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} alone: no other operation of this process runs meanwhile (prunes, renames). */
    public <T> T exclusively(Supplier<T> work) {
        if (depth.get()[0] > 0 && !daemon.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("an exclusive operation inside a locked one could deadlock");
        }
        if (depth.get()[0] > 0) {
            // inside the outer exclusive call, which caught up and retries: catching up here could wait for the
            // feed's listener, which waits for the lock this thread holds
            return nested(work);
        }
        return caughtUpUntilNotChangedElsewhere(() -> {
            daemon.writeLock().lock();
            try {
                return nested(work);
            } finally {
                daemon.writeLock().unlock();
            }
        });
    }

    /**
     * Catches up with the other netdocks before each run of {@code lockedRun} (before its locks are taken: the feed's
     * listener applies changes under those locks) and runs it again while it meets a change made elsewhere meanwhile.
     */
    private <T> T caughtUpUntilNotChangedElsewhere(Supplier<T> lockedRun) {
        for (int attempt = 1; ; attempt++) {
            feed.catchUp();
            try {
                return lockedRun.get();
            } catch (ChangedElsewhere raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Applies a change another netdock made ({@link StoreFeed} handlers) under the locks of what it changed, without
     * catching up or planning again: no operation of this process sees it happen half-way.
     */
    public void applying(LockPlan plan, Runnable change) {
        List<Lock> held = acquire(stripes(plan));
        try {
            change.run();
        } finally {
            release(held);
        }
    }

    /** {@link #applying} for a change of everything (this process re-reads the whole store): no operation runs. */
    public void applyingEverything(Runnable change) {
        daemon.writeLock().lock();
        try {
            change.run();
        } finally {
            daemon.writeLock().unlock();
        }
    }

    /** The catalogue of images: a leaf lock, taken alone or last. */
    public <T> T catalogue(Supplier<T> work) {
        catalogue.lock();
        try {
            return work.get();
        } finally {
            catalogue.unlock();
        }
    }

    private <T> T nested(Supplier<T> work) {
        int[] level = depth.get();
        level[0]++;
        try {
            return work.get();
        } finally {
            level[0]--;
        }
    }

    private List<Lock> acquire(Stripes wanted) {
        List<Lock> held = new ArrayList<>();
        try {
            take(daemon.readLock(), held);
            if (wanted.networkCreation) {
                take(networkCreation, held);
            }
            for (int i = wanted.networks.nextSetBit(0); i >= 0; i = wanted.networks.nextSetBit(i + 1)) {
                take(wanted.exclusive.get(i) ? networks[i].writeLock() : networks[i].readLock(), held);
            }
            for (int i = wanted.containers.nextSetBit(0); i >= 0; i = wanted.containers.nextSetBit(i + 1)) {
                take(containers[i], held);
            }
            return held;
        } catch (RuntimeException | Error failed) {
            release(held);
            throw failed;
        }
    }

    private static void take(Lock lock, List<Lock> held) {
        lock.lock();
        held.add(lock);
    }

    private static void release(List<Lock> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).unlock();
        }
    }

    private static Stripes stripes(LockPlan plan) {
        BitSet networks = new BitSet(STRIPES);
        BitSet exclusive = new BitSet(STRIPES);
        BitSet containers = new BitSet(STRIPES);
        plan.sharedNetworks().forEach(id -> networks.set(stripe(id)));
        plan.exclusiveNetworks().forEach(id -> {
            networks.set(stripe(id));
            exclusive.set(stripe(id));
        });
        plan.containers().forEach(id -> containers.set(stripe(id)));
        return new Stripes(networks, exclusive, containers, plan.networkCreation());
    }

    private static int stripe(String id) {
        return Math.floorMod(id.hashCode() * 0x9E3779B9, STRIPES);
    }

    /** The stripes of a plan; a network stripe set in {@code exclusive} is taken for writing. */
    private record Stripes(BitSet networks, BitSet exclusive, BitSet containers, boolean networkCreation) {

        boolean covers(Stripes other) {
            return contains(networks, other.networks) && contains(exclusive, other.exclusive)
                    && contains(containers, other.containers) && (networkCreation || !other.networkCreation);
        }

        Stripes union(Stripes other) {
            return new Stripes(or(networks, other.networks), or(exclusive, other.exclusive),
                    or(containers, other.containers), networkCreation || other.networkCreation);
        }

        private static boolean contains(BitSet outer, BitSet inner) {
            BitSet missing = (BitSet) inner.clone();
            missing.andNot(outer);
            return missing.isEmpty();
        }

        private static BitSet or(BitSet a, BitSet b) {
            BitSet both = (BitSet) a.clone();
            both.or(b);
            return both;
        }
    }
}
