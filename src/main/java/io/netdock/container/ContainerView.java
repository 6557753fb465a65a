package io.netdock.container;

import io.netdock.endpoint.Endpoint;
import io.netdock.network.Network;
import io.netdock.portmap.PortBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything inspect and list show about a container, gathered in one place.
 *
 * @param networks   the container's network keys resolved to networks (absent when the network is gone)
 * @param linkNames  {@code /parent/alias} names other containers know it by
 * @param hostLinks  {@code HostConfig.Links} as Docker stores them: {@code /target:/parent/alias}
 */
public record ContainerView(Container container, List<Endpoint> endpoints, List<PortBinding> ports,
                            Map<String, Network> networks, List<String> linkNames, List<String> hostLinks) {

    public Optional<Endpoint> endpointOn(String networkKey) {
        Network network = networks.get(networkKey);
        if (network == null) {
            return Optional.empty();
        }
        return endpoints.stream().filter(e -> e.networkId().equals(network.id())).findFirst();
    }
}
