package io.netdock.container;

import io.netdock.system.ContainerCounts;
import org.springframework.stereotype.Component;

/** {@code /info}'s {@code Containers}, {@code ContainersRunning}, {@code ContainersStopped}, from memory. */
@Component
class ContainerCounter implements ContainerCounts {

    private final Containers containers;

    ContainerCounter(Containers containers) {
        this.containers = containers;
    }

    @Override
    public Counts counts() {
        int total = 0;
        int running = 0;
        for (Container container : containers.unordered()) {
            total++;
            if (container.isRunning()) {
                running++;
            }
        }
        return new Counts(total, running, total - running);
    }
}
