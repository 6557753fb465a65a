package io.netdock.container;

import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.endpoint.EndpointService;
import io.netdock.error.DockerError;
import io.netdock.network.Network;
import io.netdock.store.ResourceLocks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code network connect} / {@code network disconnect}: Docker's checks in its order and words, then the endpoint
 * (for a running container) or just the stored settings (for a created or stopped one).
 */
@Service
public class ContainerConnections {

    private static final String SHARED_NAMESPACE =
            "container sharing network namespace with another container or host cannot be connected to any other network";
    private static final String PRIVATE_NONE =
            "container cannot be connected to multiple networks with one of the networks in private (none) mode";

    private final ContainerService service;
    private final Containers containers;
    private final ContainerNetworking networking;
    private final EndpointService endpoints;
    private final ResourceLocks locks;
    private final ContainerLockPlans plans;
    private final TransactionTemplate transactions;

    ContainerConnections(ContainerService service, Containers containers, ContainerNetworking networking,
                         EndpointService endpoints, ResourceLocks locks, ContainerLockPlans plans,
                         TransactionTemplate transactions) {
        this.service = service;
        this.containers = containers;
        this.networking = networking;
        this.endpoints = endpoints;
        this.locks = locks;
        this.plans = plans;
        this.transactions = transactions;
    }

    public void connect(String containerRef, String networkRef, EndpointConfig requested) {
        EndpointConfig config = requested == null ? EndpointConfig.NONE : requested;
        locks.run(plans.of(containerRef, networkRef, service), () -> {
            Container container = service.get(containerRef);
            Network network = networking.network(networkRef);
            NetworkMode mode = container.mode();
            if (mode.isContainer()) {
                throw DockerError.invalidParameter(SHARED_NAMESPACE);
            }
            if (network.isHost() && !mode.isHost()) {
                throw DockerError.invalidParameter(
                        "cannot connect container to host network - container must be created in host network mode");
            }
            for (String existing : container.networks().keySet()) {
                Optional<Network> current = networking.findNetwork(existing);
                if (current.isEmpty()) {
                    continue;
                }
                if (current.get().id().equals(network.id())) {
                    if (container.isRunning()) {
                        throw DockerError.forbidden("endpoint with name " + container.name()
                                + " already exists in network " + network.name());
                    }
                    return;
                }
                if (current.get().isHost() || network.isHost()) {
                    throw DockerError.invalidParameter(SHARED_NAMESPACE);
                }
                if (current.get().isNone() || network.isNone()) {
                    throw DockerError.invalidParameter(PRIVATE_NONE);
                }
            }
            if (network.configOnly()) {
                throw DockerError.forbidden("cannot create endpoint on configuration-only network");
            }
            endpoints.validate(network, config);
            Map<String, EndpointConfig> networks = new LinkedHashMap<>(container.networks());
            networks.put(network.name(), config);
            Container updated = container.withNetworks(networks);
            if (!container.isRunning()) {
                transactions.executeWithoutResult(status -> containers.update(updated));
                return;
            }
            Endpoint endpoint;
            try {
                endpoint = transactions.execute(status -> {
                    containers.claim(container.id());
                    Endpoint made = networking.connect(updated, network, config);
                    containers.update(updated.withLastAddresses(networking.addressesOf(updated)));
                    return made;
                });
            } catch (RuntimeException failed) {
                containers.rolledBack(container.id(), failed);
                networking.reload(container.id());
                throw failed;
            }
            networking.announce("connect", List.of(endpoint));
        });
    }

    public void disconnect(String containerRef, String networkRef, boolean force) {
        locks.run(plans.of(containerRef, networkRef, service), () -> {
            Container container;
            try {
                container = service.get(containerRef);
            } catch (ContainerNotFound missing) {
                if (force) {
                    throw DockerError.notFound("endpoint " + containerRef + " not found");
                }
                throw missing;
            }
            Optional<Network> found = networking.findNetwork(networkRef);
            if (found.isEmpty()) {
                if (force) {
                    throw DockerError.system("container " + container.id() + " is not connected to the network "
                            + networkRef);
                }
                networking.network(networkRef);
            }
            Network network = found.orElseThrow();
            if (network.isHost() && container.mode().isHost()) {
                throw DockerError.invalidParameter(
                        "cannot disconnect container from host network - container was created in host network mode");
            }
            String key = keyOf(container, network);
            if (key == null) {
                throw DockerError.system("container " + container.id() + " is not connected to "
                        + (container.isRunning() ? "network " : "the network ") + network.name());
            }
            Map<String, EndpointConfig> networks = new LinkedHashMap<>(container.networks());
            networks.remove(key);
            Container updated = container.withNetworks(networks);
            if (!container.isRunning()) {
                transactions.executeWithoutResult(status -> containers.update(updated));
                return;
            }
            Optional<Endpoint> gone;
            try {
                gone = transactions.execute(status -> {
                    containers.claim(container.id());
                    Optional<Endpoint> removed = networking.disconnect(updated, network);
                    containers.update(updated.withLastAddresses(networking.addressesOf(updated)));
                    return removed;
                });
            } catch (RuntimeException failed) {
                containers.rolledBack(container.id(), failed);
                networking.reload(container.id());
                throw failed;
            }
            gone.ifPresent(e -> networking.announce("disconnect", List.of(e)));
        });
    }

    private String keyOf(Container container, Network network) {
        for (String key : container.networks().keySet()) {
            if (key.equals(network.name()) || key.equals(network.id())) {
                return key;
            }
            Optional<Network> resolved = networking.findNetwork(key);
            if (resolved.isPresent() && resolved.get().id().equals(network.id())) {
                return key;
            }
        }
        return null;
    }
}
