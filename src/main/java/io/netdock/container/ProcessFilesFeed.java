package io.netdock.container;

import io.netdock.endpoint.Endpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname} of running processes equal to
 * their container's state, as dockerd rewrites them: each time a container or its endpoints change in memory
 * (connect, disconnect, start, a rolled-back write reloaded), on the writer's thread, the files of the running
 * processes that show that container are rewritten in place: its own, those of the containers sharing its
 * network namespace ({@code container:<id>}), and, while it has endpoints, those of the containers linking to it
 * (a restarted link target's new address; like dockerd, a stopped target's entry is not taken away).
 */
@Component
class ProcessFilesFeed {

    private static final Logger log = LoggerFactory.getLogger(ProcessFilesFeed.class);

    private final Containers containers;
    private final Endpoints endpoints;
    private final ContainerProcesses processes;

    ProcessFilesFeed(Containers containers, Endpoints endpoints, ContainerProcesses processes) {
        this.containers = containers;
        this.endpoints = endpoints;
        this.processes = processes;
        if (processes.enabled()) {
            containers.whenChanged(this::changed);
            endpoints.whenChanged(this::changed);
        }
    }

    void changed(String containerId) {
        boolean attached = !endpoints.ofContainer(containerId).isEmpty();
        for (String liveId : processes.liveContainerIds()) {
            containers.byId(liveId).filter(live -> shows(live, containerId, attached)).ifPresent(this::refresh);
        }
    }

    private static boolean shows(Container live, String changedId, boolean changedIsAttached) {
        if (live.id().equals(changedId)) {
            return true;
        }
        if (live.mode().isContainer() && live.mode().value().equals(changedId)) {
            return true;
        }
        return changedIsAttached && live.links().stream().anyMatch(link -> link.targetId().equals(changedId));
    }

    private void refresh(Container live) {
        try {
            processes.refreshFiles(live);
        } catch (RuntimeException failed) {
            log.warn("could not rewrite the /etc files of container {}: {}", live.shortId(), failed.getMessage());
        }
    }
}
