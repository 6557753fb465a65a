package io.netdock.container;

import io.netdock.network.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

    /** Every container, newest first; networks and link names are gathered once for all of them. */
    public List<ContainerView> all() {
        NetworkIndex index = networking.networkIndex();
        Map<String, List<String>> linkNames = linkNames();
        return service.list().stream()
                .map(c -> view(c, index::find, linkNames.getOrDefault(c.id(), List.of())))
                .toList();
    }

    /** One container: its networks and link names are looked up for it alone. */
    public ContainerView view(Container container) {
        List<String> names = new ArrayList<>();
        for (Container parent : containers.linkingTo(container.id())) {
            for (Link link : parent.links()) {
                if (link.targetId().equals(container.id())) {
                    names.add("/" + parent.name() + "/" + link.alias());
                }
            }
        }
        return view(container, networking::findNetwork, names);
    }

    /** Target ID → the {@code /parent/alias} names other containers know it by. */
    private Map<String, List<String>> linkNames() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (Container parent : containers.all()) {
            for (Link link : parent.links()) {
                names.computeIfAbsent(link.targetId(), id -> new ArrayList<>())
                        .add("/" + parent.name() + "/" + link.alias());
            }
        }
        return names;
    }

    private ContainerView view(Container container, Function<String, Optional<Network>> networkOf,
                               List<String> linkNames) {
        Map<String, Network> networks = new LinkedHashMap<>();
        for (String key : container.networks().keySet()) {
            networkOf.apply(key).ifPresent(n -> networks.put(key, n));
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
        String target = container.mode().value();
        return containers.byId(target).or(() -> containers.byName(target));
    }
}
