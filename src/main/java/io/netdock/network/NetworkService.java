package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.events.EventLog;
import io.netdock.filters.Filters;
import io.netdock.filters.PruneFilters;
import io.netdock.ipam.AddressAllocator;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.InterfaceNameTaken;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.Plumbing;
import io.netdock.rollback.Rollback;
import io.netdock.store.LockPlan;
import io.netdock.store.ResourceLocks;
import io.netdock.store.StoreLocks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Networks: Docker's name/ID resolution, list filters, create (validation, IPAM, bridge driver checks), delete
 * and prune. Every change is one database transaction plus the kernel step; a failing kernel step rolls the
 * database back, so nothing is ever half applied.
 */
@Service
public class NetworkService {

    private static final Logger log = LoggerFactory.getLogger(NetworkService.class);

    private final Networks networks;
    private final NetworkCreation creation;
    private final AddressAllocator allocator;
    private final Plumbing plumbing;
    private final EventLog events;
    private final ResourceLocks locks;
    private final TransactionTemplate transaction;
    private final ObjectProvider<NetworkUsers> users;
    private final StoreLocks storeLocks;
    /** Bridge networks whose bridge this process has set up (at start, on create, or on first use). */
    private final Set<String> realised = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    NetworkService(Networks networks, NetworkCreation creation, AddressAllocator allocator, Plumbing plumbing,
                   EventLog events, ResourceLocks locks, PlatformTransactionManager transactions,
                   ObjectProvider<NetworkUsers> users, StoreLocks storeLocks) {
        this.networks = networks;
        this.creation = creation;
        this.allocator = allocator;
        this.plumbing = plumbing;
        this.events = events;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
        this.users = users;
        this.storeLocks = storeLocks;
        this.clock = Clock.systemUTC();
    }

    /** Docker's resolution: full ID, then exact name, then unique ID prefix (inspect's wording on ambiguity). */
    public Network get(String idOrName) {
        return resolve(idOrName, AmbiguousNetwork.Wording.INSPECT);
    }

    public Optional<Network> find(String idOrName) {
        try {
            return Optional.of(get(idOrName));
        } catch (NetworkNotFound notFound) {
            return Optional.empty();
        }
    }

    Network resolve(String idOrName, AmbiguousNetwork.Wording wording) {
        if (idOrName.length() == 64) {
            Optional<Network> byId = networks.findById(idOrName);
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        Optional<Network> byName = networks.findByName(idOrName);
        if (byName.isPresent()) {
            return byName.get();
        }
        List<Network> byPrefix = networks.findByIdPrefix(idOrName);
        if (byPrefix.size() == 1) {
            return byPrefix.get(0);
        }
        if (byPrefix.size() > 1) {
            throw new AmbiguousNetwork(idOrName, byPrefix.size(), wording);
        }
        throw new NetworkNotFound(idOrName);
    }

    public List<Network> list(Filters filters) {
        NetworkFilters matcher = NetworkFilters.of(filters);
        List<Network> all = networks.findAll();
        return filters.isEmpty() ? all : all.stream().filter(n -> matcher.matches(n, this::isInUse)).toList();
    }

    /** The endpoints on a network (none when no module provides {@link NetworkUsers}). */
    public List<NetworkUser> usersOf(String networkId) {
        NetworkUsers provider = users.getIfAvailable();
        return provider == null ? List.of() : provider.usersOf(networkId);
    }

    private boolean isInUse(Network network) {
        return !usersOf(network.id()).isEmpty();
    }

    public Network create(NetworkSpec spec) {
        return locks.call(() -> LockPlan.nothing().andNetworkCreation(), () -> {
            Network network = store(spec);
            realised.add(network.id());
            events.publish("network", "create", network.id(), Map.of("name", network.name(), "type", network.driver()));
            return network;
        });
    }

    /**
     * Plans and stores the network in one transaction holding the {@code network-create} store lock, so the name,
     * subnet-overlap and bridge-name checks see every network any netdock sharing the database has stored.
     */
    private Network store(NetworkSpec spec) {
        Rollback rollback = new Rollback("create network " + spec.name());
        try {
            return transaction.execute(status -> {
                storeLocks.lockUntilCommit(StoreLocks.NETWORK_CREATE);
                Network network = creation.plan(spec, clock.instant());
                try {
                    networks.insert(network);
                } catch (DuplicateKeyException race) {
                    throw new StoredMeanwhile(network, race);
                }
                if (network.isBridge()) {
                    setUp(network);
                    rollback.onFailure("bridge " + network.bridge().bridgeName(),
                            () -> plumbing.tearDownNetwork(network.bridge()));
                }
                return network;
            });
        } catch (RuntimeException failed) {
            rollback.unwind(failed);
            if (failed instanceof StoredMeanwhile race) {
                throw refusal(race.planned);
            }
            throw failed;
        }
    }

    private void setUp(Network network) {
        try {
            plumbing.setUpNetwork(network.bridge());
        } catch (InterfaceNameTaken taken) {
            // not a bridge: dockerd's 500 and words; another's bridge: refused like a bridge name conflict
            throw taken.isBridge() ? DockerError.forbidden(taken.getMessage()) : DockerError.system(taken.getMessage());
        } catch (KernelException kernel) {
            throw DockerError.system("failed to create network " + network.name() + ": " + kernel.getMessage());
        }
    }

    /** A planned network's name, subnet or bridge name was stored by another writer since the plan was checked. */
    private static final class StoredMeanwhile extends RuntimeException {

        private final transient Network planned;

        StoredMeanwhile(Network planned, DuplicateKeyException cause) {
            super(cause.getMessage(), cause, false, false);
            this.planned = planned;
        }
    }

    /** Docker's answer to the clash, read after the failed transaction is gone. */
    private DockerError refusal(Network network) {
        if (networks.findByName(network.name()).isPresent()) {
            return DockerError.conflict("network with name " + network.name() + " already exists");
        }
        if (network.isBridge()) {
            creation.checkBridgeNameConflict(network);
        }
        return DockerError.forbidden(NetworkCreation.POOL_OVERLAPS);
    }

    /** An ambiguous reference plans nothing: the removal itself refuses it, in delete's wording. */
    private LockPlan removalPlan(String idOrName) {
        try {
            return find(idOrName).map(n -> LockPlan.nothing().andRemovedNetwork(n.id())).orElseGet(LockPlan::nothing);
        } catch (AmbiguousNetwork ambiguous) {
            return LockPlan.nothing();
        }
    }

    public void remove(String idOrName) {
        locks.run(() -> removalPlan(idOrName), () -> {
            Network network = resolve(idOrName, AmbiguousNetwork.Wording.DELETE);
            if (network.isPredefined()) {
                throw DockerError.forbidden(network.name() + " is a pre-defined network and cannot be removed");
            }
            checkRemovable(network);
            delete(network);
        });
    }

    private void checkRemovable(Network network) {
        if (isInUse(network)) {
            throw activeEndpoints(network);
        }
        if (network.configOnly() && networks.isConfigurationInUse(network.name())) {
            throw DockerError.forbidden("error while removing network: configuration network \"" + network.name()
                    + "\" is in use");
        }
    }

    /**
     * Deletes in one transaction that first locks the network's row: an endpoint another netdock is adding waits or
     * makes the delete fail on the endpoint's foreign key (then the network is in use after all: 403).
     */
    private void delete(Network network) {
        try {
            transaction.executeWithoutResult(status -> {
                networks.lockRow(network.id());
                allocator.forget(network.id());
                networks.delete(network.id());
                if (network.isBridge()) {
                    plumbing.tearDownNetwork(network.bridge());
                }
            });
        } catch (KernelException kernel) {
            throw DockerError.system("error while removing network: " + kernel.getMessage());
        } catch (DataIntegrityViolationException endpointsElsewhere) {
            throw activeEndpoints(network);
        } finally {
            allocator.evict(network.id());
        }
        realised.remove(network.id());
        events.publish("network", "destroy", network.id(), Map.of("name", network.name(), "type", network.driver()));
    }

    private static DockerError activeEndpoints(Network network) {
        return DockerError.forbidden("error while removing network: network " + network.name() + " id "
                + network.id() + " has active endpoints");
    }

    /**
     * The start-up reconcile set up the bridge of every stored network: attaching to them needs no set-up again
     * (which would also rewrite their rules). Called only when the reconcile reported no failure.
     */
    public void allStoredBridgesSetUp() {
        networks.findAll().stream().filter(Network::isBridge).forEach(network -> realised.add(network.id()));
    }

    /**
     * Another netdock sharing the database removed {@code network}: its bridge and rules go from this process's kernel
     * too, if this process set them up (the rows are gone already). Best effort: what cannot be removed is logged and
     * goes at the next start's reconcile.
     */
    void removedElsewhere(Network network) {
        if (!realised.remove(network.id()) || !network.isBridge()) {
            return;
        }
        try {
            plumbing.tearDownNetwork(network.bridge());
        } catch (KernelException kernel) {
            log.warn("network {} was removed by another netdock; its bridge stays in this kernel until the next start: "
                    + "{}", network.name(), kernel.getMessage());
        }
    }

    /**
     * Makes sure this process's kernel has the bridge of a network it is about to attach an endpoint to. Networks
     * created here or reconciled at start are set up already; one created since by another netdock sharing the
     * database (or whose set-up failed at start) is set up, idempotently, on first use.
     */
    public void ensureRealised(Network network) {
        if (!network.isBridge() || realised.contains(network.id())) {
            return;
        }
        // one set-up per network, also when several operations attach to it at once
        synchronized (realised) {
            if (realised.contains(network.id())) {
                return;
            }
            try {
                plumbing.setUpNetwork(network.bridge());
            } catch (KernelException kernel) {
                throw DockerError.system("failed to set up network " + network.name() + ": " + kernel.getMessage());
            }
            realised.add(network.id());
        }
    }

    /** Removes unused custom networks matching the filters; returns them in removal order. */
    public List<Network> prune(Filters filters) {
        PruneFilters matcher = PruneFilters.of(filters, clock.instant());
        List<Network> removed = locks.exclusively(() -> {
            List<Network> candidates = new ArrayList<>(networks.findAll().stream()
                    .filter(n -> !n.isPredefined() && matcher.matches(n.created(), n.labels())).toList());
            // Networks made from a configuration network go first, so their configuration network can follow.
            candidates.sort(Comparator.comparing(Network::configOnly));
            List<Network> done = new ArrayList<>();
            for (Network network : candidates) {
                try {
                    checkRemovable(network);
                    delete(network);
                    done.add(network);
                } catch (DockerError skipped) {
                    log.debug("prune keeps network {}: {}", network.name(), skipped.getMessage());
                }
            }
            return done;
        });
        events.publish("network", "prune", "", Map.of("reclaimed", "0"));
        return removed;
    }

    /**
     * The kernel view of every stored bridge network (the default bridge included): the {@code networks} of the
     * {@link io.netdock.kernel.DesiredState} that whoever calls {@code Plumbing.reconcile} at start hands over.
     */
    public List<BridgeNetwork> bridgeNetworks() {
        return networks.findAll().stream().filter(Network::isBridge).map(Network::bridge).toList();
    }

    Instant now() {
        return clock.instant();
    }
}
