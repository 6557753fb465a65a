package io.netdock.container;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a restart, re-realises in the kernel what the database says is running: each running container's
 * sandbox, endpoints and port forwards (networks' bridges are set up before, at bean initialisation).
 */
@Component
class ContainerStartup {

    private static final Logger log = LoggerFactory.getLogger(ContainerStartup.class);

    private final Containers containers;
    private final ContainerNetworking networking;

    ContainerStartup(Containers containers, ContainerNetworking networking) {
        this.containers = containers;
        this.networking = networking;
    }

    @EventListener(ApplicationReadyEvent.class)
    void realiseRunningContainers() {
        for (Container container : containers.all()) {
            if (!container.isRunning()) {
                continue;
            }
            try {
                networking.realise(container);
            } catch (RuntimeException failed) {
                log.warn("could not re-create the networking of container {} ({}): {}", container.name(),
                        container.shortId(), failed.getMessage());
            }
        }
    }
}
