package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.process.HostProcesses;
import io.netdock.process.TopTable;
import io.netdock.store.ResourceLocks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code docker pause}/{@code unpause} (the freezer cgroup of the container's processes) and {@code docker top}.
 * Without processes there is nothing to freeze: pause answers why and how to enable processes.
 */
@Component
public class ContainerFreezer {

    private final ContainerService service;
    private final Containers containers;
    private final ContainerProcesses processes;
    private final ContainerEvents events;
    private final ResourceLocks locks;
    private final ContainerLockPlans plans;
    private final TransactionTemplate transactions;

    ContainerFreezer(ContainerService service, Containers containers, ContainerProcesses processes,
                     ContainerEvents events, ResourceLocks locks, ContainerLockPlans plans,
                     TransactionTemplate transactions) {
        this.service = service;
        this.containers = containers;
        this.processes = processes;
        this.events = events;
        this.locks = locks;
        this.plans = plans;
        this.transactions = transactions;
    }

    public void pause(String reference, boolean frozen) {
        locks.run(plans.of(reference, service), () -> {
            Container container = service.get(reference);
            if (!container.isRunning()) {
                throw ContainerProcesses.notRunning(container);
            }
            processes.requireProcesses(frozen ? "pause" : "unpause");
            if (frozen && container.state().paused()) {
                throw DockerError.conflict("Container " + container.id() + " is already paused");
            }
            if (!frozen && !container.state().paused()) {
                throw DockerError.system("Container " + container.id() + " is not paused");
            }
            if (!processes.host().canPause(container.id())) {
                throw DockerError.system("Cannot " + (frozen ? "pause" : "unpause") + " container " + container.id()
                        + ": this host has no cgroup freezer (neither the v1 /sys/fs/cgroup/freezer nor a cgroup v2 "
                        + "hierarchy with cgroup.freeze)");
            }
            if (!processes.host().freeze(container.id(), frozen)) {
                throw DockerError.system("Cannot " + (frozen ? "pause" : "unpause") + " container " + container.id()
                        + ": the freezer cgroup refused");
            }
            Container changed = container.withState(container.state().withPaused(frozen));
            transactions.executeWithoutResult(status -> containers.update(changed));
            events.publish(changed, frozen ? "pause" : "unpause");
        });
    }

    /**
     * {@code docker top} with the client's {@code ps} arguments (a {@code top} event when it answers); without
     * processes a running container has no rows.
     */
    public TopTable top(String reference, String psArgs) {
        Container container = service.get(reference);
        if (!container.isRunning()) {
            throw ContainerProcesses.notRunning(container);
        }
        TopTable table = processes.enabled() ? processes.top(container, psArgs) : HostProcesses.noProcesses(psArgs);
        events.publish(container, "top");
        return table;
    }
}
