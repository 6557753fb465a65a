package io.netdock.container;

import io.netdock.kernel.Plumbing;
import io.netdock.network.NetworkService;
import io.netdock.kernel.ReconcileReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, before requests are served, makes the kernel match the database: the bridges of every network and,
 * for each running container, its sandbox, endpoint veths and port forwards are re-created where missing;
 * netdock-owned kernel objects nobody knows are removed ({@code Plumbing.reconcile}); then at once each sandbox that
 * must have an embedded DNS resolver is announced ({@link EmbeddedResolverChanged}) and gets it re-opened, its rules
 * replaced to point at the new sockets — all before the API answers. A lifecycle rather than an
 * initialisation callback so that it runs after every module has initialised — the predefined networks exist and
 * the default bridge has its configured subnet — and, by its phase, before the listeners open.
 */
@Component
class ContainerStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContainerStartup.class);

    /** Before Spring Boot's web server (which starts at {@code Integer.MAX_VALUE - 2048}) and so the listeners. */
    private static final int BEFORE_THE_LISTENERS = 0;

    private final Containers containers;
    private final ContainerNetworking networking;
    private final Plumbing plumbing;
    private final NetworkService networks;
    private final ApplicationEventPublisher events;
    private volatile boolean reconciled;

    ContainerStartup(Containers containers, ContainerNetworking networking, Plumbing plumbing, NetworkService networks,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.containers = containers;
        this.networking = networking;
        this.plumbing = plumbing;
        this.networks = networks;
    }

    @Override
    public void start() {
        var running = containers.all().stream().filter(Container::isRunning).toList();
        ReconcileReport report = plumbing.reconcile(networking.desiredState(running));
        if (!report.created().isEmpty() || !report.removed().isEmpty()) {
            log.info("kernel reconciled with the database: {} object(s) re-created, {} removed",
                    report.created().size(), report.removed().size());
        }
        // at once: a sandbox's dns rules still point at the ports of the resolver that died with the last run
        networking.resolvers(running).forEach(events::publishEvent);
        report.failures().forEach(failure -> log.warn("kernel reconcile: {}", failure));
        if (report.failures().isEmpty()) {
            networks.allStoredBridgesSetUp();
        }
        reconciled = true;
    }

    @Override
    public void stop() {
        reconciled = false;
    }

    @Override
    public boolean isRunning() {
        return reconciled;
    }

    @Override
    public int getPhase() {
        return BEFORE_THE_LISTENERS;
    }
}
