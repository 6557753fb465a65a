package io.netdock.dns;

import io.netdock.container.Container;
import io.netdock.container.ContainerProperties;
import io.netdock.container.Containers;
import io.netdock.container.HostResolvConfSource;
import io.netdock.dnsfiles.DnsSettings;
import io.netdock.dnsfiles.ExtServer;
import io.netdock.dnsfiles.NetworkKind;
import io.netdock.dnsfiles.ResolvConfFile;
import io.netdock.dnsfiles.ResolvConfSpec;
import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.endpoint.Endpoints;
import io.netdock.net.IpAddresses;
import io.netdock.network.Network;
import io.netdock.network.Networks;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link NameIndex} equal to the stores: each time a container or its endpoints change in memory
 * (create, rename, connect, disconnect, start, stop, remove, a rolled-back write reloaded), that container's entry
 * is rebuilt on the writer's thread, so the next query already sees it. A container is in the index while it has
 * an endpoint on a user-defined network (endpoints exist only while it runs).
 */
@Component
class ContainerNameFeed {

    private static final int DNS_PORT = 53;
    private static final InetAddress EMBEDDED_RESOLVER = IpAddresses.parseOrNull(ResolvConfFile.EMBEDDED_RESOLVER);

    private final Containers containers;
    private final Endpoints endpoints;
    private final Networks networks;
    private final NameIndex index;
    private final DnsSettings daemonDns;
    private final HostResolvConfSource hostResolvConf;

    ContainerNameFeed(Containers containers, Endpoints endpoints, Networks networks, NameIndex index,
                      ContainerProperties daemon, HostResolvConfSource hostResolvConf) {
        this.containers = containers;
        this.endpoints = endpoints;
        this.networks = networks;
        this.index = index;
        this.daemonDns = new DnsSettings(daemon.dns(), daemon.dnsSearch(), daemon.dnsOptions());
        this.hostResolvConf = hostResolvConf;
        containers.whenChanged(this::refresh);
        endpoints.whenChanged(this::refresh);
        List.copyOf(containers.unordered()).forEach(c -> refresh(c.id()));
    }

    /** Rebuilds one container's entry from the stores (serialised, so the last writer's view wins). */
    synchronized void refresh(String containerId) {
        Optional<Container> container = containers.byId(containerId);
        List<Endpoint> attached = endpoints.ofContainer(containerId);
        if (container.isEmpty() || attached.isEmpty()) {
            index.remove(containerId);
            return;
        }
        Container c = container.get();
        List<DnsEndpoint> named = new ArrayList<>();
        boolean externalAccess = false;
        for (Endpoint endpoint : attached) {
            Optional<Network> network = networks.findById(endpoint.networkId());
            if (network.isEmpty()) {
                continue;
            }
            externalAccess |= !network.get().internal();
            if (!network.get().isPredefined()) {
                EndpointConfig config = configOn(c, network.get());
                named.add(new DnsEndpoint(c.id(), endpoint.networkId(), network.get().name(), c.dnsNames(config),
                        endpoint.ipv4() == null ? null : endpoint.ipv4().address(),
                        endpoint.ipv6() == null ? null : endpoint.ipv6().address(), links(config)));
            }
        }
        if (named.isEmpty()) {
            index.remove(containerId);
            return;
        }
        DnsSettings mine = new DnsSettings(c.host().dns(), c.host().dnsSearch(), c.host().dnsOptions());
        index.put(new DnsContainer(c.id(), named, upstreams(mine.orDaemon(daemonDns)), externalAccess,
                ndotsSet(c.host().dnsOptions())));
    }

    private static EndpointConfig configOn(Container c, Network network) {
        EndpointConfig config = c.networks().get(network.name());
        if (config == null) {
            config = c.networks().get(network.id());
        }
        return config == null ? EndpointConfig.NONE : config;
    }

    /** {@code target[:alias]} links (a leading slash tolerated), lower case alias → lower case target. */
    private static Map<String, String> links(EndpointConfig config) {
        if (config.links() == null || config.links().isEmpty()) {
            return Map.of();
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (String link : config.links()) {
            int colon = link.indexOf(':');
            String target = strip(colon < 0 ? link : link.substring(0, colon));
            String alias = colon < 0 ? target : strip(link.substring(colon + 1));
            if (!target.isEmpty() && !alias.isEmpty()) {
                links.putIfAbsent(alias.toLowerCase(Locale.ROOT), target.toLowerCase(Locale.ROOT));
            }
        }
        return links;
    }

    private static String strip(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? part : part.substring(slash + 1);
    }

    /** The container's {@code # ExtServers:}, port 53, without the resolver's own address, at most 3. */
    private List<Upstream> upstreams(DnsSettings dns) {
        List<ExtServer> servers;
        try {
            servers = ResolvConfFile.extServers(new ResolvConfSpec(NetworkKind.USER_DEFINED, dns,
                    hostResolvConf.read(), false));
        } catch (RuntimeException badNameserver) {
            return List.of();
        }
        List<Upstream> upstreams = new ArrayList<>();
        for (ExtServer server : servers) {
            if (upstreams.size() < DnsContainer.MAX_UPSTREAMS && !server.address().equals(EMBEDDED_RESOLVER)) {
                upstreams.add(new Upstream(new InetSocketAddress(server.address(), DNS_PORT),
                        server.fromHost() ? UpstreamNamespace.HOST : UpstreamNamespace.CONTAINER));
            }
        }
        return upstreams;
    }

    /** libnetwork's {@code ndotsSet}: the user's options set {@code ndots} to 1 or more. */
    private static boolean ndotsSet(List<String> options) {
        if (options == null) {
            return false;
        }
        boolean set = false;
        for (String option : options) {
            if (option.startsWith("ndots:")) {
                try {
                    set = Integer.parseInt(option.substring("ndots:".length())) > 0;
                } catch (NumberFormatException notANumber) {
                    set = false;
                }
            }
        }
        return set;
    }
}
