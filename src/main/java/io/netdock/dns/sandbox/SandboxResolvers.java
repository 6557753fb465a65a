package io.netdock.dns.sandbox;

import io.netdock.container.EmbeddedResolverChanged;
import io.netdock.dns.ResolverLoop;
import io.netdock.dns.Querier;
import io.netdock.kernel.DnsSockets;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.Plumbing;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * linux mode: the embedded DNS resolver of each running container on a user-defined network, at {@code 127.0.0.11}
 * inside its sandbox. Told by {@link EmbeddedResolverChanged} once a change is committed (or at start-up, after
 * the kernel is reconciled): it opens the sandbox's sockets and rules through the kernel port and hands the
 * sockets to the one {@link ResolverLoop}; when the container stops or leaves its last user-defined network it
 * withdraws them and removes the rules. A resolver that cannot be opened is logged and the container runs without
 * one, as with Docker.
 */
class SandboxResolvers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxResolvers.class);

    private final Plumbing plumbing;
    private final ResolverLoop loop;
    /** Container ID → what is served for it. */
    private final Map<String, ResolverLoop.Served> served = new HashMap<>();

    SandboxResolvers(Plumbing plumbing, ResolverLoop loop) {
        this.plumbing = plumbing;
        this.loop = loop;
    }

    /** After the change is committed: a rolled-back change opened or closed nothing. */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(EmbeddedResolverChanged change) {
        if (change.wanted()) {
            open(change.containerId(), change.sandboxId());
        } else {
            close(change.containerId());
        }
    }

    synchronized void open(String containerId, String sandboxId) {
        ResolverLoop.Served current = served.get(containerId);
        if (current != null && current.sandboxId().equals(sandboxId)) {
            return;
        }
        if (current != null) {
            close(containerId);
        }
        try {
            DnsSockets sockets = plumbing.openResolver(sandboxId);
            served.put(containerId, loop.serve(Querier.container(containerId), sockets));
        } catch (KernelException failure) {
            log.warn("embedded DNS for container {}: {}", containerId, failure.getMessage());
        }
    }

    synchronized void close(String containerId) {
        ResolverLoop.Served gone = served.remove(containerId);
        if (gone == null) {
            return;
        }
        loop.withdraw(gone);
        try {
            plumbing.closeResolver(gone.sandboxId());
        } catch (KernelException failure) {
            log.warn("embedded DNS for container {}: {}", containerId, failure.getMessage());
        }
    }

    /** The sandbox a container's resolver serves, if it has one (its {@code --dns} servers are reached from it). */
    synchronized Optional<String> sandboxOf(String containerId) {
        return Optional.ofNullable(served.get(containerId)).map(ResolverLoop.Served::sandboxId);
    }

    /** On shutdown: the sockets close; the rules stay, and the next start replaces them (reconcile, then re-open). */
    @Override
    public synchronized void close() {
        served.values().forEach(loop::withdraw);
        served.clear();
    }
}
