package io.netdock.ipam;

import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out addresses of networks. The database's leases are the truth; per network an in-memory
 * {@link AddressPool} per subnet is a cache built from them on first use (so a restart never hands out a leased
 * address). A dynamic allocation picks a candidate from the cache, inserts the lease row, and when the row exists
 * already (another process got there first) marks the address used and tries the next one.
 *
 * <p>The cache also knows each address's owner, so releasing and the "does this owner hold one already" check
 * need no query when the owner holds nothing.
 *
 * <p>Inside a caller's transaction each lease insert gets a savepoint (a nested transaction), so a unique
 * violation never spoils the caller's transaction; outside one it commits on its own.
 */
@Component
public class AddressAllocator {

    private final Leases leases;
    private final TransactionTemplate nested;
    private final Map<String, NetworkPools> networks = new ConcurrentHashMap<>();

    public AddressAllocator(Leases leases, PlatformTransactionManager transactions) {
        this.leases = leases;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The next free address of the first subnet of the family that has one, leased to {@code ownerId}. When the
     * cache has no candidate left it is rebuilt from the database once: addresses another netdock sharing the
     * database released are free again there.
     */
    public InetAddress allocate(String networkId, List<SubnetLayout> layout, boolean ipv6, String ownerId) {
        NetworkPools pools = poolsOf(networkId, layout);
        for (boolean rebuilt = false; ; rebuilt = true) {
            synchronized (pools) {
                for (AddressPool pool : pools.pools) {
                    if (pool.subnet().isIpv6() != ipv6) {
                        continue;
                    }
                    InetAddress candidate;
                    while ((candidate = pool.candidate()) != null) {
                        if (insert(new Lease(networkId, candidate, ownerId))) {
                            pool.take(candidate);
                            pools.ownHere(ownerId, candidate);
                            freeIfRolledBack(pools, ownerId, candidate);
                            return candidate;
                        }
                        pool.take(candidate);
                    }
                }
            }
            if (rebuilt) {
                throw new AddressesExhausted();
            }
            pools = build(networkId, layout);
            networks.put(networkId, pools);
        }
    }

    /**
     * Leases a requested address; {@link AddressInUse} when it is leased or reserved. The database decides: an
     * address the cache holds used without a lease (another netdock released it) can be claimed.
     */
    public void claim(String networkId, List<SubnetLayout> layout, InetAddress address, String ownerId) {
        NetworkPools pools = poolsOf(networkId, layout);
        synchronized (pools) {
            AddressPool pool = pools.containing(address);
            if (pool == null) {
                throw new IllegalArgumentException(address + " is in no subnet of network " + networkId);
            }
            boolean reserved = pool.isNetworkOrBroadcast(address)
                    || layout.stream().anyMatch(subnet -> subnet.reserved().contains(address));
            // an address an operation of this process holds (perhaps not yet committed) is in use without asking
            if (reserved || pools.isOwned(address) || (pool.isUsed(address) && leases.isLeased(networkId, address))
                    || !insert(new Lease(networkId, address, ownerId))) {
                pool.reserve(address);
                throw new AddressInUse();
            }
            pool.reserve(address);
            pools.ownHere(ownerId, address);
            freeIfRolledBack(pools, ownerId, address);
        }
    }

    /**
     * A lease inserted in a transaction that rolls back is gone from the database, so the cache frees it again.
     * Undone in place rather than by dropping the cache: a cache rebuilt while other operations' changes are still
     * uncommitted would take their released addresses for used (parallel operations make rollbacks routine).
     */
    private void freeIfRolledBack(NetworkPools pools, String ownerId, InetAddress address) {
        afterCompletion(committed -> {
            if (!committed) {
                synchronized (pools) {
                    pools.disown(ownerId, address);
                    AddressPool pool = pools.containing(address);
                    if (pool != null) {
                        pool.release(address);
                    }
                }
            }
        });
    }

    /**
     * The addresses {@code ownerId} holds on the network. Memory answers when the owner holds none (the common
     * case: a new endpoint); otherwise the database is asked, so what is returned is a committed lease.
     */
    public List<InetAddress> held(String networkId, List<SubnetLayout> layout, String ownerId) {
        NetworkPools pools = poolsOf(networkId, layout);
        synchronized (pools) {
            if (pools.owned(ownerId).isEmpty()) {
                return List.of();
            }
        }
        List<InetAddress> stored = leases.ofOwner(networkId, ownerId).stream().map(Lease::address).toList();
        synchronized (pools) {
            pools.disown(ownerId);
            stored.forEach(address -> pools.own(ownerId, address));
        }
        return stored;
    }

    /**
     * Releases every address {@code ownerId} holds on the network; nothing happens when it holds none. Inside a
     * transaction the cache frees the addresses once it commits (so no parallel operation is handed an address whose
     * lease is still being deleted); after a rollback the owner holds them again.
     */
    public List<InetAddress> release(String networkId, String ownerId) {
        NetworkPools pools = networks.get(networkId);
        if (pools == null) {
            List<InetAddress> released = leases.ofOwner(networkId, ownerId).stream().map(Lease::address).toList();
            leases.deleteOwner(networkId, ownerId);
            return released;
        }
        List<InetAddress> released;
        synchronized (pools) {
            released = pools.disown(ownerId);
        }
        leases.deleteOwner(networkId, ownerId);
        afterCompletion(committed -> {
            synchronized (pools) {
                if (!committed) {
                    // the leases are still there and the owner holds them again, except those leased in the same
                    // rolled-back transaction (already freed by their own undo)
                    for (InetAddress address : released) {
                        AddressPool pool = pools.containing(address);
                        if (pool != null && pool.isUsed(address)) {
                            pools.ownHere(ownerId, address);
                        }
                    }
                    return;
                }
                for (InetAddress address : released) {
                    AddressPool pool = pools.containing(address);
                    if (pool != null) {
                        pool.release(address);
                    }
                }
            }
        });
        return released;
    }

    private static void afterCompletion(Consumer<Boolean> action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.accept(true);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.accept(status == STATUS_COMMITTED);
            }
        });
    }

    /** Drops a removed network's leases and cache. */
    public void forget(String networkId) {
        leases.deleteNetwork(networkId);
        networks.remove(networkId);
    }

    /** Drops the cache only (e.g. after a rolled-back change), so the next use rebuilds it from the database. */
    public void evict(String networkId) {
        networks.remove(networkId);
    }

    /**
     * Where this process's cache of a network disagrees with the database (for consistency checks): a leased
     * address the cache takes for free, or a count of used addresses different from what a cache built from the
     * database now would hold (a free address kept as used is never handed out until the next start). Empty when
     * they agree or nothing is cached. Only meaningful while no other process shares the database.
     */
    public List<String> cacheDisagreements(String networkId) {
        NetworkPools cached = networks.get(networkId);
        if (cached == null) {
            return List.of();
        }
        synchronized (cached) {
            NetworkPools fresh = build(networkId, cached.layout);
            List<String> disagreements = new ArrayList<>();
            for (Lease lease : leases.ofNetwork(networkId)) {
                AddressPool pool = cached.containing(lease.address());
                if (pool != null && !pool.isUsed(lease.address())) {
                    disagreements.add(IpAddresses.format(lease.address()) + " is leased but free in the cache");
                }
            }
            for (int i = 0; i < cached.pools.size(); i++) {
                long cachedUsed = cached.pools.get(i).usedCount();
                long actualUsed = fresh.pools.get(i).usedCount();
                if (cachedUsed != actualUsed) {
                    disagreements.add(cached.pools.get(i).subnet() + ": " + cachedUsed + " addresses used in the cache, "
                            + actualUsed + " by the database");
                }
            }
            return disagreements;
        }
    }

    /** Outside a transaction the insert commits on its own; inside one it gets a savepoint. */
    private boolean insert(Lease lease) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return leases.insert(lease);
        }
        Boolean inserted = nested.execute(status -> {
            boolean done = leases.insert(lease);
            if (!done) {
                status.setRollbackOnly();
            }
            return done;
        });
        return Boolean.TRUE.equals(inserted);
    }

    private NetworkPools poolsOf(String networkId, List<SubnetLayout> layout) {
        NetworkPools cached = networks.get(networkId);
        if (cached != null && cached.layout.equals(layout)) {
            return cached;
        }
        NetworkPools built = build(networkId, layout);
        networks.put(networkId, built);
        return built;
    }

    private NetworkPools build(String networkId, List<SubnetLayout> layout) {
        List<AddressPool> pools = new ArrayList<>();
        for (SubnetLayout subnet : layout) {
            AddressPool pool = new AddressPool(subnet.subnet(), subnet.ipRange(), subnet.serial());
            subnet.reserved().stream().filter(pool::contains).forEach(pool::reserve);
            pools.add(pool);
        }
        NetworkPools built = new NetworkPools(List.copyOf(layout), pools);
        for (Lease lease : leases.ofNetwork(networkId)) {
            AddressPool pool = built.containing(lease.address());
            if (pool != null) {
                pool.resumeAfter(lease.address());
                pool.reserve(lease.address());
                built.own(lease.ownerId(), lease.address());
            }
        }
        return built;
    }

    /** A network's pools and who holds which address; guarded by its own monitor. */
    private static final class NetworkPools {
        final List<SubnetLayout> layout;
        final List<AddressPool> pools;
        final Map<String, List<InetAddress>> byOwner = new HashMap<>();
        /** Addresses this process leased since the cache was built: taken for sure, whatever the database says. */
        final java.util.Set<InetAddress> owned = new java.util.HashSet<>();

        NetworkPools(List<SubnetLayout> layout, List<AddressPool> pools) {
            this.layout = layout;
            this.pools = pools;
        }

        void own(String ownerId, InetAddress address) {
            byOwner.computeIfAbsent(ownerId, owner -> new ArrayList<>(2)).add(address);
        }

        /** Leased by an operation of this process (its transaction may not have committed yet). */
        void ownHere(String ownerId, InetAddress address) {
            own(ownerId, address);
            owned.add(address);
        }

        boolean isOwned(InetAddress address) {
            return owned.contains(address);
        }

        List<InetAddress> owned(String ownerId) {
            return byOwner.getOrDefault(ownerId, List.of());
        }

        void disown(String ownerId, InetAddress address) {
            List<InetAddress> held = byOwner.get(ownerId);
            if (held != null && held.remove(address) && held.isEmpty()) {
                byOwner.remove(ownerId);
            }
            owned.remove(address);
        }

        List<InetAddress> disown(String ownerId) {
            List<InetAddress> held = byOwner.remove(ownerId);
            if (held == null) {
                return List.of();
            }
            held.forEach(owned::remove);
            return held;
        }

        AddressPool containing(InetAddress address) {
            for (AddressPool pool : pools) {
                if (pool.contains(address)) {
                    return pool;
                }
            }
            return null;
        }
    }
}
