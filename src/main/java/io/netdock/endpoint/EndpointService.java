package io.netdock.endpoint;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import io.netdock.events.EventLog;
import io.netdock.kernel.Attachment;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.Plumbing;
import io.netdock.net.IpAddresses;
import io.netdock.network.AddressLease;
import io.netdock.network.Network;
import io.netdock.network.NetworkAddresses;
import io.netdock.rollback.Rollback;
import io.netdock.store.ChangedElsewhere;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Attaches running containers to networks: validates the requested endpoint settings like Docker 25+, leases
 * addresses, picks the MAC, records the endpoint and asks the kernel for the veth. Callers run this inside their
 * transaction and under the locks of the container and network ({@code ResourceLocks}); a failing step undoes the
 * ones before it.
 */
@Service
public class EndpointService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Endpoints endpoints;
    private final NetworkAddresses addresses;
    private final Plumbing plumbing;
    private final EventLog events;
    private final EndpointProperties properties;

    EndpointService(Endpoints endpoints, NetworkAddresses addresses, Plumbing plumbing, EventLog events,
                    EndpointProperties properties) {
        this.endpoints = endpoints;
        this.addresses = addresses;
        this.plumbing = plumbing;
        this.events = events;
        this.properties = properties;
    }

    /** Docker 25+'s checks of endpoint settings against the network (at create, connect and start). */
    public void validate(Network network, EndpointConfig config) {
        List<String> reasons = new ArrayList<>();
        if (network.isPredefined()) {
            if (config.hasStaticAddress()) {
                reasons.add("user-specified IP address is supported on user-defined networks only");
            }
            if (config.aliases() != null && !config.aliases().isEmpty()) {
                reasons.add("network-scoped aliases are only supported for user-defined networks");
            }
        }
        if (config.ipv4Address() != null) {
            InetAddress v4 = IpAddresses.parseOrNull(config.ipv4Address());
            if (v4 == null || IpAddresses.isIpv6(v4)) {
                reasons.add("invalid IPv4 address: " + config.ipv4Address());
            }
        }
        if (config.ipv6Address() != null) {
            InetAddress v6 = IpAddresses.parseOrNull(config.ipv6Address());
            if (v6 == null || !IpAddresses.isIpv6(v6)) {
                reasons.add("invalid IPv6 address: " + config.ipv6Address());
            }
        }
        if (reasons.isEmpty() && !network.isPredefined()) {
            for (String requested : new String[] {config.ipv4Address(), config.ipv6Address()}) {
                if (requested != null) {
                    checkStaticAddress(network, IpAddresses.parseOrNull(requested), reasons);
                }
            }
        }
        if (config.macAddress() != null && !MacAddresses.isValid(config.macAddress())) {
            reasons.add("invalid MAC address: " + config.macAddress());
        }
        if (!reasons.isEmpty()) {
            throw new InvalidEndpointSettings(reasons);
        }
    }

    /** A static address needs a subnet the user configured, and must lie in one (Docker 25+ checks at create). */
    private static void checkStaticAddress(Network network, InetAddress address, List<String> reasons) {
        boolean v6 = IpAddresses.isIpv6(address);
        if (!network.hasUserConfiguredSubnet(v6)) {
            reasons.add("user specified IP address is supported only when connecting to networks with user "
                    + "configured subnets");
        } else if (network.activeConfig().stream().noneMatch(c -> c.isIpv6() == v6 && c.subnetCidr().contains(address))) {
            reasons.add("no configured subnet or ip-range contain the IP address " + IpAddresses.format(address));
        }
    }

    /** Creates the endpoint of {@code who} on {@code network}; {@code defaultRoute} gives it the default gateway. */
    public Endpoint attach(Attachee who, Network network, EndpointConfig config, boolean defaultRoute,
                           long attachOrder) {
        validate(network, config);
        String endpointId = newId();
        if (!network.isBridge()) {
            Endpoint endpoint = new Endpoint(who.containerId(), network.id(), network.name(), endpointId, "", "",
                    null, null, null, null, false, attachOrder);
            endpoints.insert(endpoint);
            return endpoint;
        }
        AddressLease lease = lease(network, who.containerId(), config);
        Rollback rollback = new Rollback("attach " + who.containerName() + " to " + network.name());
        rollback.onFailure("address lease", () -> addresses.release(network.id(), who.containerId()));
        try {
            String mac = config.macAddress() != null ? config.macAddress().toLowerCase()
                    : MacAddresses.generate(properties.macAddress(), lease.ipv4());
            boolean route = defaultRoute && !network.internal();
            Endpoint endpoint = new Endpoint(who.containerId(), network.id(), network.name(), endpointId,
                    who.interfaceName(), mac, lease.ipv4(), lease.gatewayV4(), lease.ipv6(), lease.gatewayV6(),
                    route, attachOrder);
            endpoints.insert(endpoint);
            try {
                plumbing.attach(attachment(network, who.sandboxId(), endpoint));
            } catch (KernelException kernel) {
                throw new EndpointCreationFailed(who.containerName(), network.name(), kernel.getMessage());
            }
            return endpoint;
        } catch (RuntimeException failed) {
            rollback.unwind(failed);
            throw failed;
        }
    }

    /** Removes an endpoint: the veth (when the network still has a bridge), the lease, the record. */
    public void detach(Endpoint endpoint, Network network, String sandboxId) {
        if (network != null && network.isBridge() && !endpoint.interfaceName().isEmpty()) {
            plumbing.detach(attachment(network, sandboxId, endpoint));
        }
        addresses.release(endpoint.networkId(), endpoint.containerId());
        endpoints.delete(endpoint);
    }

    public List<Endpoint> ofContainer(String containerId) {
        return endpoints.ofContainer(containerId);
    }

    public List<Endpoint> onNetwork(String networkId) {
        return endpoints.onNetwork(networkId);
    }

    /** Re-reads a container's endpoints from the database (after a rolled-back transaction). */
    public void reload(String containerId) {
        endpoints.reload(containerId);
    }

    public void reloadAll() {
        endpoints.reloadAll();
    }

    /** The veth an endpoint has in the kernel (for reconciling at start); none for host/none endpoints. */
    public Optional<Attachment> attachmentOf(Endpoint endpoint, Network network, String sandboxId) {
        if (network == null || !network.isBridge() || endpoint.interfaceName().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(attachment(network, sandboxId, endpoint));
    }

    /** {@code network connect} / {@code network disconnect} with Docker's attributes. */
    public void announce(String action, String networkId, String networkName, String driver, String containerId) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("container", containerId);
        attributes.put("name", networkName);
        attributes.put("type", driver);
        events.publish("network", action, networkId, attributes);
    }

    private AddressLease lease(Network network, String owner, EndpointConfig config) {
        InetAddress v4 = config.ipv4Address() == null ? null : IpAddresses.parseOrNull(config.ipv4Address());
        InetAddress v6 = config.ipv6Address() == null ? null : IpAddresses.parseOrNull(config.ipv6Address());
        try {
            return addresses.lease(network.id(), owner, v4, v6);
        } catch (DockerError refused) {
            if (refused.category() == ErrorCategory.INVALID_PARAMETER) {
                throw new InvalidEndpointSettings(List.of(refused.getMessage()));
            }
            if (refused.category() == ErrorCategory.NOT_FOUND) {
                // the network's row went while the lease was inserted: another netdock removed it (see Endpoints)
                throw new ChangedElsewhere("network " + network.id());
            }
            throw refused;
        }
    }

    private static Attachment attachment(Network network, String sandboxId, Endpoint endpoint) {
        List<IpPrefix> all = new ArrayList<>();
        if (endpoint.ipv4() != null) {
            all.add(endpoint.ipv4());
        }
        if (endpoint.ipv6() != null) {
            all.add(endpoint.ipv6());
        }
        return new Attachment(network.bridge(), sandboxId, endpoint.endpointId(), endpoint.interfaceName(),
                endpoint.macAddress(), all, endpoint.defaultRoute() ? endpoint.gatewayV4() : null,
                endpoint.defaultRoute() ? endpoint.gatewayV6() : null);
    }

    static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
