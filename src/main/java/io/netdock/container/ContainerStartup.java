package io.netdock.container;

import io.netdock.kernel.Plumbing;
import io.netdock.kernel.ReconcileReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start, before requests are served, makes the kernel match the database: the bridges of every network and,
 * for each running container, its sandbox, endpoint veths and port forwards are re-created where missing;
 * netdock-owned kernel objects nobody knows are removed ({@code Plumbing.reconcile}).
 */
@Component
class ContainerStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ContainerStartup.class);

    private final Containers containers;
    private final ContainerNetworking networking;
    private final Plumbing plumbing;

    ContainerStartup(Containers containers, ContainerNetworking networking, Plumbing plumbing) {
        this.containers = containers;
        this.networking = networking;
        this.plumbing = plumbing;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var running = containers.all().stream().filter(Container::isRunning).toList();
        ReconcileReport report = plumbing.reconcile(networking.desiredState(running));
        if (!report.created().isEmpty() || !report.removed().isEmpty()) {
            log.info("kernel reconciled with the database: {} object(s) re-created, {} removed",
                    report.created().size(), report.removed().size());
        }
        report.failures().forEach(failure -> log.warn("kernel reconcile: {}", failure));
    }
}
