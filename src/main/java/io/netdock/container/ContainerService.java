package io.netdock.container;

import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import io.netdock.filters.PruneFilters;
import io.netdock.image.ImageService;
import io.netdock.process.CommandNotFound;
import io.netdock.process.ProcessRecord;
import io.netdock.store.ChangedElsewhere;
import io.netdock.store.LockPlan;
import io.netdock.store.ResourceLocks;
import io.netdock.system.HostFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final ContainerProcesses processes;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "netdock-restart-policy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean shuttingDown;
    /** Containers whose stop is the first half of a restart: their exit does not remove them ({@code --rm}). */
    private final java.util.Set<String> restarting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ContainerService(Containers containers, ContainerNetworking networking, ContainerEvents events,
                     ContainerExits exits, ResourceLocks locks, ContainerLockPlans plans,
                     TransactionTemplate transactions, ImageService images, ContainerProcesses processes) {
        this.processes = processes;
        if (processes != null) { // null only where a test exercises lookups alone
            processes.onExit(this::processExited);
        }
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

    /** {@code POST /containers/prune}: removes every stopped container the filters select; returns them. */
    public List<Container> prune(Filters filters) {
        PruneFilters matcher = PruneFilters.of(filters, clock.instant());
        return locks.exclusively(() -> {
            List<Container> removed = new ArrayList<>();
            for (Container container : containers.all()) {
                if (!container.isRunning() && matcher.matches(container.created(), container.labels())) {
                    removeLocked(container);
                    removed.add(container);
                }
            }
            return removed;
        });
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
        String id = ContainerNames.newId();
        // the new container is in memory before its transaction commits: an operation that finds it by name
        // meanwhile waits on its lock instead of acting on (and reloading away) a row it cannot see yet
        return locks.call(() -> LockPlan.container(id), () -> {
            ContainerConfig config = request.config();
            HostSettings stored = host;
            if (mode.isContainer()) {
                // stored by full ID; an unknown target is refused here (dockerd only fails at start, after
                // storing a container that can never start); the shared hostname is copied at start
                stored = host.withNetworkMode("container:" + get(mode.value()).id());
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
            try {
                startLocked(container);
            } catch (ChangedElsewhere raced) {
                throw raced; // run again from what the other netdock made of it: not a failed start
            } catch (RuntimeException failed) {
                removeAfterFailedStart(container.id());
                throw failed;
            }
            return null;
        });
    }

    /**
     * dockerd removes an {@code AutoRemove} ({@code --rm}) container whose start failed, so {@code docker run --rm}
     * (which waits for the removal after reporting the error) returns instead of waiting for ever.
     */
    private void removeAfterFailedStart(String id) {
        containers.byId(id).filter(failed -> failed.host().autoRemove() && !failed.isRunning())
                .ifPresent(this::removeLocked);
    }

    private Container startLocked(Container container) {
        Container started;
        try {
            started = transactions.execute(status -> {
                containers.claim(container.id());
                Container running = container.withState(container.state().started(Instant.now(clock)));
                running = networking.up(running, this::get);
                running = running.withLastAddresses(networking.addressesOf(running));
                containers.update(running);
                return running;
            });
        } catch (RuntimeException failure) {
            containers.rolledBack(container.id(), failure);
            networking.reload(container.id());
            if (!(failure instanceof ChangedElsewhere)) {
                recordFailedStart(container, failure.getMessage());
            }
            throw failure;
        }
        if (processes.enabled()) {
            started = launch(container, started);
        }
        networking.announce("connect", networking.endpointsOf(started));
        events.publish(started, "start");
        return started;
    }

    /**
     * Starts the process of a container whose networking is up. A process that cannot start leaves the container
     * as it was before the start, its endpoints and rules rolled back, with Docker's exit code and error.
     */
    private Container launch(Container before, Container started) {
        try {
            ProcessRecord record = processes.launch(started, netnsOf(started), linkEnvironment(started));
            Container withProcess = started.withState(started.state().withProcess(record));
            transactions.executeWithoutResult(status -> containers.update(withProcess));
            return withProcess;
        } catch (RuntimeException failed) {
            try {
                transactions.executeWithoutResult(status -> {
                    networking.down(started);
                    containers.update(before);
                });
            } catch (RuntimeException rollbackFailed) {
                containers.reload(before.id());
                networking.reload(before.id());
            }
            int code = failed instanceof CommandNotFound ? 127 : 128;
            Container failedStart = get(before.id());
            containers.update(failedStart.withState(failedStart.state().failedToStart(code,
                    failed.getMessage() == null ? "" : failed.getMessage())));
            throw failed;
        }
    }

    /** What the container's legacy links put in its process's environment. */
    private List<String> linkEnvironment(Container container) {
        List<String> env = new ArrayList<>();
        for (Link link : container.links()) {
            containers.byId(link.targetId()).ifPresent(target -> {
                String ip = target.isRunning() ? networking.endpointsOf(target).stream().map(Endpoint::ipv4Address)
                        .filter(address -> !address.isEmpty()).findFirst().orElse("") : "";
                env.addAll(LinkEnvironment.of(container.name(), link.alias(), target, ip));
            });
        }
        return env;
    }

    /** The network namespace a container's process joins: its own sandbox, or that of the one it shares. */
    private String netnsOf(Container container) {
        if (container.mode().isContainer()) {
            return get(container.mode().value()).sandboxKey();
        }
        String key = container.sandboxKey();
        if (key == null || key.isEmpty() || !java.nio.file.Files.exists(java.nio.file.Path.of(key))) {
            throw new io.netdock.process.ProcessStartFailed("the container has no network namespace to join ("
                    + key + ")");
        }
        return key;
    }

    /**
     * The lifecycle side of a process exit: the container exits with the process's code (once, for the process
     * recorded), then its restart policy decides unless the exit was asked for.
     */
    private void processExited(String id, ProcessRecord process, int exitCode, boolean stopping) {
        mutate(id, () -> {
            Optional<Container> current = containers.byId(id);
            if (current.isEmpty() || !current.get().isRunning()
                    || !process.equals(current.get().state().process())) {
                return null;
            }
            Container exited = terminate(current.get(), exitCode);
            RestartPolicy policy = RestartPolicy.of(exited.host());
            if (!stopping && !shuttingDown
                    && policy.restarts(exitCode, exited.restartCount(), exited.state().manuallyStopped())) {
                scheduleRestart(exited);
            } else if (!restarting.contains(id)) {
                autoRemove(exited);
            }
            return null;
        });
    }

    /** Docker's back-off: 100 ms, doubling with each restart, at most a minute. */
    private void scheduleRestart(Container exited) {
        long delay = Math.min(60_000L, 100L << Math.min(exited.restartCount(), 10));
        Instant finished = exited.state().finishedAt();
        restarts.schedule(() -> restartByPolicy(exited.id(), finished), delay, TimeUnit.MILLISECONDS);
    }

    private void restartByPolicy(String id, Instant finished) {
        try {
            mutate(id, () -> {
                Optional<Container> current = containers.byId(id);
                if (shuttingDown || current.isEmpty() || current.get().isRunning()
                        || !java.util.Objects.equals(current.get().state().finishedAt(), finished)) {
                    return null;
                }
                Container counted = current.get().withRestartCount(current.get().restartCount() + 1);
                transactions.executeWithoutResult(status -> containers.update(counted));
                startLocked(counted);
                return null;
            });
        } catch (RuntimeException startFailed) {
            // recorded in State.Error by the start; the policy stops here as dockerd's does
        }
    }

    /**
     * At netdock's start, dockerd's restore: each container recorded running with a process was left by a netdock
     * that was killed: that process (if its PID still names it) and whatever it left are killed and the container
     * is marked exited (137). Then, with processes, every container that ran before and whose restart policy says
     * so ({@link RestartPolicy#restarts}, with its last exit code) is started again, oldest first so that link
     * targets and shared namespaces come up before those that use them, its restart count reset as dockerd does:
     * {@code always} ones, {@code unless-stopped} ones no client stopped (those a clean shutdown stopped), and
     * {@code on-failure} ones whose last exit code was not 0.
     */
    void recoverProcesses() {
        List<Container> oldestFirst = new ArrayList<>(containers.all());
        java.util.Collections.reverse(oldestFirst);
        for (Container recorded : oldestFirst) {
            Container current = recorded;
            ProcessRecord process = recorded.state().process();
            if (recorded.isRunning() && process != null) {
                processes.host().signal(process, Signals.SIGKILL);
                processes.killAll(recorded.id());
                current = mutate(recorded.id(), () -> terminate(recorded, 128 + Signals.SIGKILL));
            }
            if (processes.enabled() && !current.isRunning() && restartsWithDaemon(current)) {
                Container again = current.withRestartCount(0);
                try {
                    mutate(again.id(), () -> startLocked(again));
                } catch (RuntimeException failed) {
                    // recorded in State.Error; the container stays exited
                }
            }
        }
    }

    private static boolean restartsWithDaemon(Container container) {
        ContainerState state = container.state();
        return state.startedBefore() && RestartPolicy.of(container.host())
                .restarts(state.exitCode(), container.restartCount(), state.manuallyStopped());
    }

    /** dockerd's {@code HasBeenManuallyStopped}: a client's stop or signal, not netdock's own shutdown. */
    private void markStoppedByClient(Container container) {
        if (shuttingDown || container.state().manuallyStopped()) {
            return;
        }
        mutate(container.id(), () -> {
            containers.byId(container.id()).ifPresent(current -> transactions.executeWithoutResult(status ->
                    containers.update(current.withState(current.state().stoppedByClient()))));
            return null;
        });
    }

    /** A clean shutdown: no more restarts; running processes get their stop sequence. */
    void shutDown() {
        shuttingDown = true;
        restarts.shutdownNow();
        List<Thread> stopping = new ArrayList<>();
        for (Container running : containers.all()) {
            if (running.isRunning() && running.state().process() != null) {
                Thread thread = new Thread(() -> stopProcess(running, null, null), "netdock-stop-" + running.shortId());
                thread.start();
                stopping.add(thread);
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stop with a process: the stop signal, then SIGKILL when the grace period ends; the exit itself is recorded
     * by {@link #processExited}. Runs without the container's lock: the exit needs it.
     */
    private void stopProcess(Container container, String signalName, Integer timeoutSeconds) {
        int signal = signalName != null && !signalName.isEmpty() ? Signals.parse(signalName) : stopSignalOf(container);
        if (container.state().paused()) {
            processes.host().freeze(container.id(), false);
        }
        events.publish(container, "kill", Map.of("signal", Integer.toString(signal)));
        processes.signal(container, signal, true);
        int grace = graceSeconds(container, timeoutSeconds);
        if (!processes.awaitHandled(container.id(), grace < 0 ? -1 : grace * 1000L)) {
            events.publish(container, "kill", Map.of("signal", Integer.toString(Signals.SIGKILL)));
            processes.signal(container, Signals.SIGKILL, true);
            processes.awaitHandled(container.id(), -1);
        }
        events.publish(containers.byId(container.id()).orElse(container), "stop");
    }

    /** The container if it runs a process this netdock started (else the process-less rules apply). */
    private Optional<Container> withProcess(String reference) {
        if (!processes.enabled()) {
            return Optional.empty();
        }
        return mutate(reference, () -> {
            Container container = get(reference);
            return container.isRunning() && container.state().process() != null
                    && processes.running(container.id()).isPresent() ? Optional.of(container) : Optional.empty();
        });
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
        Optional<Container> running = withProcess(reference);
        if (running.isPresent()) {
            markStoppedByClient(running.get());
            stopProcess(running.get(), signal, timeoutSeconds);
            return;
        }
        mutate(reference, () -> {
            Container container = get(reference);
            if (!container.isRunning()) {
                throw new DockerError(io.netdock.error.ErrorCategory.NOT_MODIFIED, "container already stopped");
            }
            Container stopping = container.withState(container.state().stoppedByClient());
            autoRemove(claimed(container, () -> stopSequence(stopping, signal, timeoutSeconds)));
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
        Optional<Container> running = withProcess(reference);
        if (running.isPresent()) {
            markStoppedByClient(running.get());
            events.publish(running.get(), "kill", Map.of("signal", Integer.toString(signal)));
            processes.signal(running.get(), signal, Signals.terminates(signal));
            if (signal == Signals.SIGKILL) {
                processes.awaitHandled(running.get().id(), 10_000);
            }
            return;
        }
        mutate(reference, () -> {
            Container container = get(reference);
            if (!container.isRunning()) {
                throw DockerError.conflict("Cannot kill container: " + reference + ": Container " + container.id()
                        + " is not running");
            }
            Container signalled = container.withState(container.state().stoppedByClient());
            Container after = claimed(container, () -> {
                events.publish(signalled, "kill", Map.of("signal", Integer.toString(signal)));
                if (Signals.terminates(signal)) {
                    return terminate(signalled, 128 + signal);
                }
                containers.update(signalled);
                return signalled;
            });
            if (!after.isRunning()) {
                autoRemove(after);
            }
            return null;
        });
    }

    public void restart(String reference, String signal, Integer timeoutSeconds) {
        withProcess(reference).ifPresent(running -> {
            restarting.add(running.id());
            try {
                stopProcess(running, signal, timeoutSeconds);
            } finally {
                restarting.remove(running.id());
            }
        });
        mutate(reference, () -> {
            Container container = get(reference);
            if (container.isRunning()) {
                Container running = container;
                container = claimed(running, () -> stopSequence(running, signal, timeoutSeconds));
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
                containers.claim(container.id());
                List<Endpoint> removed = networking.down(exited);
                containers.update(exited);
                return removed;
            });
        } catch (RuntimeException failure) {
            containers.rolledBack(container.id(), failure);
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
        Optional<Container> withProcess = force && !link ? withProcess(reference) : Optional.empty();
        if (withProcess.isPresent()) {
            Container killed = withProcess.get();
            events.publish(killed, "kill", Map.of("signal", Integer.toString(Signals.SIGKILL)));
            processes.signal(killed, Signals.SIGKILL, true);
            processes.awaitHandled(killed.id(), 10_000);
            if (containers.byId(killed.id()).isEmpty()) {
                return;
            }
        }
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
                Container running = container;
                // one transaction: a crash in between never leaves it stopped but not removed
                claimed(running, () -> {
                    events.publish(running, "kill", Map.of("signal", Integer.toString(Signals.SIGKILL)));
                    Container killed = terminate(running, 128 + Signals.SIGKILL);
                    removeLocked(killed);
                    return killed;
                });
                return null;
            }
            removeLocked(container);
            return null;
        });
    }

    private void removeLocked(Container container) {
        transactions.executeWithoutResult(status -> {
            containers.claim(container.id());
            for (Container parent : containers.linkingTo(container.id())) {
                containers.update(parent.withLinks(parent.links().stream()
                        .filter(l -> !l.targetId().equals(container.id())).toList()));
            }
            containers.delete(container.id());
        });
        events.publish(container, "destroy");
        processes.removed(container.id());
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

    /**
     * Runs {@code change} of a running container (a stop, a kill) in one transaction that first claims the
     * container's row ({@link Containers#claim}): another netdock sharing the database that makes the same change at
     * the same instant waits for this one to commit, and one that finds the container changed elsewhere fails before
     * it published an event ({@link ChangedElsewhere}: it runs again from the new state). After a failure, memory
     * takes the database's word again.
     */
    private Container claimed(Container container, Supplier<Container> change) {
        try {
            return transactions.execute(status -> {
                containers.claim(container.id());
                return change.get();
            });
        } catch (RuntimeException failed) {
            containers.rolledBack(container.id(), failed);
            networking.reload(container.id());
            throw failed;
        }
    }

    /** Runs a state change of the container {@code reference} names under the locks of what it touches. */
    private <T> T mutate(String reference, Supplier<T> change) {
        return locks.call(plans.of(reference, this), change);
    }
}
