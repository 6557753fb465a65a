package io.netdock.container;

import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.error.DockerError;
import io.netdock.image.ImageService;
import io.netdock.store.LockPlan;
import io.netdock.store.ResourceLocks;
import io.netdock.system.HostFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Container lifecycle without processes: create, start, stop, kill, restart, remove, rename. Every change runs
 * under the locks of what it touches ({@link ContainerLockPlans}) in one transaction; networking is realised through
 * {@link ContainerNetworking} and a failure leaves the container as it was (plus Docker's {@code State.Error} for a
 * failed start).
 */
@Service
public class ContainerService {

    private final Containers containers;
    private final ContainerNetworking networking;
    private final ContainerEvents events;
    private final ContainerExits exits;
    private final ResourceLocks locks;
    private final ContainerLockPlans plans;
    private final TransactionTemplate transactions;
    private final ImageService images;
    private final Clock clock;

    ContainerService(Containers containers, ContainerNetworking networking, ContainerEvents events,
                     ContainerExits exits, ResourceLocks locks, ContainerLockPlans plans,
                     TransactionTemplate transactions, ImageService images) {
        this.images = images;
        this.containers = containers;
        this.networking = networking;
        this.events = events;
        this.exits = exits;
        this.locks = locks;
        this.plans = plans;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    /** Docker's lookup: full ID, then exact name (leading slash optional), then unique ID prefix. */
    public Container get(String reference) {
        String name = reference.startsWith("/") ? reference.substring(1) : reference;
        var exact = containers.byId(reference);
        if (exact.isPresent()) {
            return exact.get();
        }
        var named = containers.byName(name);
        if (named.isPresent()) {
            return named.get();
        }
        if (reference.isEmpty() || !reference.matches("[0-9a-f]+")) {
            throw new ContainerNotFound(reference);
        }
        List<Container> prefixed = containers.withIdPrefix(reference);
        if (prefixed.size() > 1) {
            throw DockerError.system("multiple IDs found with provided prefix: " + reference);
        }
        if (prefixed.isEmpty()) {
            throw new ContainerNotFound(reference);
        }
        return prefixed.get(0);
    }

    /** {@link #get} for a reference that may name nothing. */
    Optional<Container> find(String reference) {
        try {
            return Optional.of(get(reference));
        } catch (ContainerNotFound missing) {
            return Optional.empty();
        }
    }

    public List<Container> list() {
        return containers.all();
    }

    public CreatedContainer create(ContainerCreation request) {
        List<String> warnings = new ArrayList<>();
        HostSettings host = request.host();
        NetworkMode mode = host.mode();
        String requestedName = request.name() == null || request.name().isEmpty()
                ? null : ContainerNames.validate(request.name());
        CreationRules.check(request, warnings);
        return locks.call(LockPlan::nothing, () -> {
            String id = ContainerNames.newId();
            ContainerConfig config = request.config();
            HostSettings stored = host;
            if (mode.isContainer()) {
                // like dockerd: a known target is stored by full ID, an unknown one as given (start then fails
                // with 404); the shared hostname is copied at start
                Optional<Container> other = find(mode.value());
                if (other.isPresent()) {
                    stored = host.withNetworkMode("container:" + other.get().id());
                }
            }
            if (config.hostname() == null || config.hostname().isEmpty()) {
                config = config.withHostname(mode.isHost() ? HostFacts.local().hostname() : id.substring(0, 12));
            }
            if (mode.kind() == NetworkMode.Kind.BRIDGE) {
                stored = stored.withNetworkMode("bridge");
            }
            Map<String, EndpointConfig> networks = networking.initialNetworks(stored, request.endpoints(), config.macAddress());
            List<Link> links = networking.resolveLinks(stored, this::get);
            Container container = insertWithImage(id, config, stored.withLinks(null), networks, links, requestedName);
            events.publish(container, "create");
            return new CreatedContainer(container, List.copyOf(warnings));
        });
    }

    /** Records the image and stores the container in one transaction: a refused container records no image. */
    private Container insertWithImage(String id, ContainerConfig config, HostSettings host,
                                      Map<String, EndpointConfig> networks, List<Link> links, String requestedName) {
        try {
            return transactions.execute(status -> {
                String imageId = images.use(config.image() == null ? "" : config.image()).id();
                return insertNamed(new Container(id, "", Instant.now(clock), imageId, config, host, networks, links,
                        ContainerState.created(), 0, "", "", List.of()), requestedName);
            });
        } catch (RuntimeException failed) {
            containers.reload(id);
            throw failed;
        }
    }

    private Container insertNamed(Container container, String requestedName) {
        if (requestedName != null) {
            Container named = container.withName(requestedName);
            containers.insert(named);
            return named;
        }
        for (int attempt = 0; ; attempt++) {
            Container named = container.withName(GeneratedNames.next(attempt));
            if (containers.byName(named.name()).isPresent()) {
                continue;
            }
            try {
                containers.insert(named);
                return named;
            } catch (ContainerNameInUse raced) {
                if (attempt > 10) {
                    throw raced;
                }
            }
        }
    }

    public void start(String reference) {
        mutate(reference, () -> {
            Container container = get(reference);
            if (container.isRunning()) {
                throw new DockerError(io.netdock.error.ErrorCategory.NOT_MODIFIED, "container already started");
            }
            startLocked(container);
            return null;
        });
    }

    private Container startLocked(Container container) {
        Container started;
        try {
            started = transactions.execute(status -> {
                Container running = container.withState(container.state().started(Instant.now(clock)));
                running = networking.up(running, this::get);
                running = running.withLastAddresses(networking.addressesOf(running));
                containers.update(running);
                return running;
            });
        } catch (RuntimeException failure) {
            containers.reload(container.id());
            networking.reload(container.id());
            recordFailedStart(container, failure.getMessage());
            throw failure;
        }
        networking.announce("connect", networking.endpointsOf(started));
        events.publish(started, "start");
        return started;
    }

    private void recordFailedStart(Container container, String message) {
        Container failed = get(container.id());
        containers.update(failed.withState(failed.state().failedToStart(message == null ? "" : message)));
    }

    /**
     * {@code POST /stop}: 304 when not running. {@code timeoutSeconds} is the grace period before SIGKILL
     * ({@code null}: the container's {@code StopTimeout}, else 10 s; negative: wait for ever).
     */
    public void stop(String reference, String signal, Integer timeoutSeconds) {
        mutate(reference, () -> {
            Container container = get(reference);
            if (!container.isRunning()) {
                throw new DockerError(io.netdock.error.ErrorCategory.NOT_MODIFIED, "container already stopped");
            }
            autoRemove(stopSequence(container, signal, timeoutSeconds));
            return null;
        });
    }

    /**
     * {@code kill} with the stop signal, {@code die}, {@code stop}. SIGKILL follows a signal that would not end
     * the process, and any signal when there is no grace period at all ({@code -t 0}: dockerd sends the kill
     * before the process has had a chance to exit, so it dies with 137).
     */
    private Container stopSequence(Container container, String signalName, Integer timeoutSeconds) {
        int signal = signalName != null && !signalName.isEmpty() ? Signals.parse(signalName) : stopSignalOf(container);
        events.publish(container, "kill", Map.of("signal", Integer.toString(signal)));
        if (!Signals.terminates(signal) || (graceSeconds(container, timeoutSeconds) == 0 && signal != Signals.SIGKILL)) {
            events.publish(container, "kill", Map.of("signal", Integer.toString(Signals.SIGKILL)));
            signal = Signals.SIGKILL;
        }
        Container stopped = terminate(container, 128 + signal);
        events.publish(stopped, "stop");
        return stopped;
    }

    private static int graceSeconds(Container container, Integer requested) {
        if (requested != null) {
            return requested;
        }
        Integer configured = container.config().stopTimeout();
        return configured == null ? 10 : configured;
    }

    private static int stopSignalOf(Container container) {
        String configured = container.config().stopSignal();
        return configured == null || configured.isEmpty() ? Signals.SIGTERM : Signals.parse(configured);
    }

    public void kill(String reference, String signalName) {
        int signal = signalName == null || signalName.isEmpty() ? Signals.SIGKILL : Signals.parse(signalName);
        mutate(reference, () -> {
            Container container = get(reference);
            if (!container.isRunning()) {
                throw DockerError.conflict("Cannot kill container: " + reference + ": Container " + container.id()
                        + " is not running");
            }
            events.publish(container, "kill", Map.of("signal", Integer.toString(signal)));
            if (Signals.terminates(signal)) {
                autoRemove(terminate(container, 128 + signal));
            }
            return null;
        });
    }

    public void restart(String reference, String signal, Integer timeoutSeconds) {
        mutate(reference, () -> {
            Container container = get(reference);
            if (container.isRunning()) {
                container = stopSequence(container, signal, timeoutSeconds);
            }
            Container started = startLocked(container);
            events.publish(started, "restart");
            return null;
        });
    }

    /** The process "dies": state exited, {@code die}, networking torn down, waiters told. */
    private Container terminate(Container container, int exitCode) {
        Container exited = container.withState(container.state().exited(exitCode, Instant.now(clock)));
        List<Endpoint> gone;
        try {
            gone = transactions.execute(status -> {
                List<Endpoint> removed = networking.down(exited);
                containers.update(exited);
                return removed;
            });
        } catch (RuntimeException failure) {
            containers.reload(container.id());
            networking.reload(container.id());
            throw failure;
        }
        events.publish(exited, "die", Map.of("exitCode", Integer.toString(exitCode)));
        networking.announce("disconnect", gone);
        exits.exited(exited.id(), exitCode);
        return exited;
    }

    private Container autoRemove(Container stopped) {
        if (stopped.host().autoRemove()) {
            removeLocked(stopped);
        }
        return stopped;
    }

    public void remove(String reference, boolean force, boolean link) {
        if (link) {
            locks.exclusively(() -> {
                removeLink(reference);
                return null;
            });
            return;
        }
        mutate(reference, () -> {
            Container container = get(reference);
            if (container.isRunning()) {
                if (!force) {
                    throw DockerError.conflict("You cannot remove a running container " + container.id()
                            + ". Stop the container before attempting removal or force remove");
                }
                events.publish(container, "kill", Map.of("signal", Integer.toString(Signals.SIGKILL)));
                Container running = container;
                // one transaction: a crash in between never leaves it stopped but not removed
                try {
                    transactions.executeWithoutResult(status -> removeLocked(terminate(running,
                            128 + Signals.SIGKILL)));
                } catch (RuntimeException failed) {
                    containers.reload(running.id());
                    networking.reload(running.id());
                    throw failed;
                }
                return null;
            }
            removeLocked(container);
            return null;
        });
    }

    private void removeLocked(Container container) {
        transactions.executeWithoutResult(status -> {
            for (Container parent : containers.linkingTo(container.id())) {
                containers.update(parent.withLinks(parent.links().stream()
                        .filter(l -> !l.targetId().equals(container.id())).toList()));
            }
            containers.delete(container.id());
        });
        events.publish(container, "destroy");
        exits.removed(container.id(), container.state().exitCode());
    }

    /** {@code DELETE /containers/parent/alias?link=true}: drops one legacy link. */
    private void removeLink(String reference) {
        String path = reference.startsWith("/") ? reference.substring(1) : reference;
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            get(reference);
            throw DockerError.system("Conflict, cannot remove the default link name of the container");
        }
        Container parent;
        try {
            parent = get(path.substring(0, slash));
        } catch (ContainerNotFound missing) {
            throw new ContainerNotFound(path);
        }
        String alias = path.substring(slash + 1);
        List<Link> kept = parent.links().stream().filter(l -> !l.alias().equals(alias)).toList();
        if (kept.size() == parent.links().size()) {
            throw new ContainerNotFound(path);
        }
        Container updated = parent.withLinks(kept);
        transactions.executeWithoutResult(status -> containers.update(updated));
    }

    public void rename(String reference, String newName) {
        if (newName == null || newName.isEmpty() || reference.isEmpty()) {
            throw DockerError.invalidParameter("Neither old nor new names may be empty");
        }
        mutate(reference, () -> {
            Container container = get(reference);
            String name;
            try {
                name = ContainerNames.validate(newName);
            } catch (DockerError invalid) {
                throw DockerError.invalidParameter("Error when allocating new name: " + invalid.getMessage());
            }
            if (name.equals(container.name())) {
                throw DockerError.invalidParameter("Renaming a container with the same name as its current name");
            }
            String oldName = container.name();
            Container renamed = container.withName(name);
            try {
                transactions.executeWithoutResult(status -> containers.update(renamed));
            } catch (ContainerNameInUse taken) {
                containers.reload(container.id());
                throw new DockerError(taken.category(), "Error when allocating new name: " + taken.getMessage());
            }
            events.publish(renamed, "rename", Map.of("oldName", "/" + oldName));
            return null;
        });
    }

    /** Runs a state change of the container {@code reference} names under the locks of what it touches. */
    private <T> T mutate(String reference, Supplier<T> change) {
        return locks.call(plans.of(reference, this), change);
    }
}
