package io.netdock.container;

import io.netdock.endpoint.Endpoint;
import io.netdock.error.DockerError;
import io.netdock.network.Network;
import io.netdock.store.LockPlan;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What a container operation locks: the container, the containers it reads or changes along with it (its link
 * targets, the container whose namespace it shares, the containers linking to it) and the networks it has or may
 * get endpoints on. A reference that resolves to nothing plans nothing: the operation then fails as it would anyway.
 */
@Component
class ContainerLockPlans {

    private final Containers containers;
    private final ContainerNetworking networking;

    ContainerLockPlans(Containers containers, ContainerNetworking networking) {
        this.containers = containers;
        this.networking = networking;
    }

    /** Everything an operation on the container named by {@code reference} may touch. */
    Supplier<LockPlan> of(String reference, ContainerService service) {
        return lenient(() -> of(service.get(reference), service));
    }

    /** {@link #of(String, ContainerService)} plus the network {@code networkRef} (connect, disconnect). */
    Supplier<LockPlan> of(String reference, String networkRef, ContainerService service) {
        return lenient(() -> {
            LockPlan plan = of(service.get(reference), service);
            Optional<Network> network = networking.findNetwork(networkRef);
            return network.isPresent() ? plan.andNetwork(network.get().id()) : plan;
        });
    }

    private LockPlan of(Container container, ContainerService service) {
        LockPlan plan = LockPlan.container(container.id());
        for (Link link : container.links()) {
            plan = plan.andContainer(link.targetId());
        }
        if (container.mode().isContainer()) {
            Optional<Container> shared = service.find(container.mode().value());
            if (shared.isPresent()) {
                plan = plan.andContainer(shared.get().id());
            }
        }
        for (Container parent : containers.linkingTo(container.id())) {
            plan = plan.andContainer(parent.id());
        }
        for (String key : container.networks().keySet()) {
            Optional<Network> network = networking.findNetwork(key);
            if (network.isPresent()) {
                plan = plan.andNetwork(network.get().id());
            }
        }
        for (Endpoint endpoint : networking.endpointsOf(container)) {
            plan = plan.andNetwork(endpoint.networkId());
        }
        return plan;
    }

    private static Supplier<LockPlan> lenient(Supplier<LockPlan> plan) {
        return () -> {
            try {
                return plan.get();
            } catch (DockerError unresolved) {
                return LockPlan.nothing();
            }
        };
    }
}
