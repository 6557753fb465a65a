package io.netdock.container;

import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointService;
import io.netdock.network.NetworkUser;
import io.netdock.network.NetworkUsers;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the network module which running containers have endpoints on a network (inspect, delete, prune). */
@Component
class ContainerNetworkUsers implements NetworkUsers {

    private final EndpointService endpoints;
    private final Containers containers;

    ContainerNetworkUsers(EndpointService endpoints, Containers containers) {
        this.endpoints = endpoints;
        this.containers = containers;
    }

    @Override
    public List<NetworkUser> usersOf(String networkId) {
        List<NetworkUser> users = new ArrayList<>();
        for (Endpoint e : endpoints.onNetwork(networkId)) {
            String name = containers.byId(e.containerId()).map(Container::name).orElse("");
            users.add(new NetworkUser(e.containerId(), name, e.endpointId(), e.macAddress(), e.ipv4Cidr(),
                    e.ipv6Cidr()));
        }
        return users;
    }
}
