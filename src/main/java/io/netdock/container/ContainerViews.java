package io.netdock.container;

import io.netdock.network.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Assembles {@link ContainerView}s from the in-memory stores (no database reads). */
@Component
public class ContainerViews {

    private final ContainerService service;
    private final Containers containers;
    private final ContainerNetworking networking;

    ContainerViews(ContainerService service, Containers containers, ContainerNetworking networking) {
        this.service = service;
        this.containers = containers;
        this.networking = networking;
    }

    public ContainerView of(String reference) {
        return view(service.get(reference));
    }

    public List<ContainerView> all() {
        return service.list().stream().map(this::view).toList();
    }

    public ContainerView view(Container container) {
        Map<String, Network> networks = new LinkedHashMap<>();
        for (String key : container.networks().keySet()) {
            Optional<Network> network = networking.findNetwork(key);
            network.ifPresent(n -> networks.put(key, n));
        }
        List<String> linkNames = new ArrayList<>();
        for (Container parent : containers.unordered()) {
            for (Link link : parent.links()) {
                if (link.targetId().equals(container.id())) {
                    linkNames.add("/" + parent.name() + "/" + link.alias());
                }
            }
        }
        List<String> hostLinks = new ArrayList<>();
        for (Link link : container.links()) {
            containers.byId(link.targetId()).ifPresent(target ->
                    hostLinks.add("/" + target.name() + ":/" + container.name() + "/" + link.alias()));
        }
        return new ContainerView(container, networking.endpointsOf(container), networking.portsOf(container),
                networks, linkNames, hostLinks);
    }

    /** The container a {@code container:<id>} mode container shares its namespace with, if it still exists. */
    public Optional<Container> namespaceOwner(Container container) {
        if (!container.mode().isContainer()) {
            return Optional.empty();
        }
        return containers.byId(container.mode().value());
    }
}
