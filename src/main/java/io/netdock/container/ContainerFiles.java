package io.netdock.container;

import io.netdock.dnsfiles.Dialect;
import io.netdock.dnsfiles.DnsSettings;
import io.netdock.dnsfiles.ExtraHost;
import io.netdock.dnsfiles.HostnameFile;
import io.netdock.dnsfiles.HostsFile;
import io.netdock.dnsfiles.HostsSpec;
import io.netdock.dnsfiles.LinkedContainer;
import io.netdock.dnsfiles.NetworkKind;
import io.netdock.dnsfiles.ResolvConfFile;
import io.netdock.dnsfiles.ResolvConfSpec;
import io.netdock.endpoint.Endpoint;
import io.netdock.error.DockerError;
import io.netdock.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A container's {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname}, rendered from its
 * current state like Docker 28 writes them (so link targets that restart with a new address show it at once).
 */
@Component
public class ContainerFiles {

    private static final Dialect DIALECT = Dialect.DOCKER_28;

    private final ContainerViews views;
    private final ContainerNetworking networking;
    private final DnsSettings daemonDns;
    private final HostResolvConfSource hostResolvConf;

    ContainerFiles(ContainerViews views, ContainerNetworking networking, ContainerProperties properties,
                   HostResolvConfSource hostResolvConf) {
        this.views = views;
        this.networking = networking;
        this.hostResolvConf = hostResolvConf;
        this.daemonDns = new DnsSettings(properties.dns(), properties.dnsSearch(), properties.dnsOptions());
    }

    /** The files of a container: a container-mode container shows those of the one it shares with. */
    public String hosts(Container container) {
        ContainerView view = views.view(owner(container));
        Container c = view.container();
        List<String> own = c.isRunning() ? networking.addressesOf(c) : c.lastAddresses();
        List<ExtraHost> extra = new ArrayList<>();
        if (c.host().extraHosts() != null) {
            for (String entry : c.host().extraHosts()) {
                extra.add(resolveGateway(parseExtraHost(entry)));
            }
        }
        List<LinkedContainer> links = new ArrayList<>();
        for (Link link : c.links()) {
            Optional<ContainerView> target = linkTarget(link);
            target.ifPresent(t -> {
                Optional<Endpoint> onBridge = t.endpointOn("bridge");
                links.add(new LinkedContainer(link.alias(), t.container().config().hostname(), t.container().name(),
                        onBridge.map(Endpoint::ipv4Address).orElse(""), onBridge.map(Endpoint::ipv6Address).orElse("")));
            });
        }
        HostsSpec spec = new HostsSpec(kind(view), c.config().hostname(), c.config().domainname(), own, extra, links,
                true, readHostFile("/etc/hosts"));
        return HostsFile.render(DIALECT, spec);
    }

    public String resolvConf(Container container) {
        ContainerView view = views.view(owner(container));
        Container c = view.container();
        DnsSettings mine = new DnsSettings(c.host().dns(), c.host().dnsSearch(), c.host().dnsOptions());
        boolean ipv6 = view.networks().values().stream().findFirst().map(Network::enableIpv6).orElse(false);
        ResolvConfSpec spec = new ResolvConfSpec(kind(view), mine.orDaemon(daemonDns),
                hostResolvConf.read(), ipv6);
        return ResolvConfFile.render(DIALECT, spec);
    }

    public String hostname(Container container) {
        return HostnameFile.render(owner(container).config().hostname());
    }

    private Container owner(Container container) {
        return views.namespaceOwner(container).orElse(container);
    }

    private Optional<ContainerView> linkTarget(Link link) {
        try {
            return Optional.of(views.of(link.targetId()));
        } catch (ContainerNotFound gone) {
            return Optional.empty();
        }
    }

    private static NetworkKind kind(ContainerView view) {
        NetworkMode mode = view.container().mode();
        if (mode.isHost()) {
            return NetworkKind.HOST;
        }
        if (mode.isNone()) {
            return NetworkKind.NONE;
        }
        boolean userDefined = view.networks().values().stream().anyMatch(Network::hasEmbeddedResolver);
        return userDefined ? NetworkKind.USER_DEFINED : NetworkKind.DEFAULT_BRIDGE;
    }

    private static ExtraHost parseExtraHost(String entry) {
        try {
            return ExtraHost.parse(entry);
        } catch (IllegalArgumentException bad) {
            throw DockerError.invalidParameter("invalid IP address in add-host: \"" + entry + "\"");
        }
    }

    /** {@code host-gateway} is the default bridge's gateway, like dockerd without {@code --host-gateway-ip}. */
    private ExtraHost resolveGateway(ExtraHost extra) {
        if (!extra.address().equals("host-gateway")) {
            return extra;
        }
        String gateway = networking.findNetwork("bridge").flatMap(n -> n.activeConfig().stream()
                .filter(c -> !c.isIpv6() && c.gateway() != null).findFirst()).map(c -> c.gateway()).orElse("172.17.0.1");
        return new ExtraHost(extra.names(), gateway);
    }

    private static String readHostFile(String path) {
        try {
            return String.join("\n", Files.readAllLines(Path.of(path))) + "\n";
        } catch (IOException | RuntimeException missing) {
            return null;
        }
    }
}
