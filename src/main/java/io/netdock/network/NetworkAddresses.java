package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.ipam.AddressAllocator;
import io.netdock.ipam.Cidr;
import io.netdock.ipam.SubnetLayout;
import io.netdock.kernel.IpPrefix;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Address leases for endpoints: an IPv4 and/or IPv6 address per network the endpoint joins, persisted and unique
 * per network and address. Errors carry Docker's bare reason (the endpoint module adds Docker's
 * {@code invalid endpoint settings:\n} prefix where Docker does).
 */
@Component
public class NetworkAddresses {

    static final String STATIC_NEEDS_USER_SUBNET =
            "user specified IP address is supported only when connecting to networks with user configured subnets";

    private final Networks networks;
    private final AddressAllocator allocator;

    NetworkAddresses(Networks networks, AddressAllocator allocator) {
        this.networks = networks;
        this.allocator = allocator;
    }

    /**
     * Leases addresses of the network to {@code ownerId}: the requested ones (static) or the next free ones. An
     * owner that already holds leases on the network gets them back (so a repeated call is harmless).
     */
    public AddressLease lease(String networkId, String ownerId, InetAddress requestedV4, InetAddress requestedV6) {
        Network network = networks.findById(networkId).orElseThrow(() -> new NetworkNotFound(networkId));
        if (network.configOnly()) {
            throw DockerError.forbidden("cannot create endpoint on configuration-only network");
        }
        List<SubnetLayout> layout = layoutOf(network);
        List<InetAddress> held = allocator.held(networkId, layout, ownerId);
        if (!held.isEmpty()) {
            return existing(network, held);
        }
        InetAddress v4 = null;
        InetAddress v6 = null;
        try {
            v4 = leaseFamily(network, layout, false, requestedV4, ownerId);
            v6 = leaseFamily(network, layout, true, requestedV6, ownerId);
        } catch (RuntimeException failed) {
            if (v4 != null) {
                allocator.release(networkId, ownerId);
            }
            throw failed;
        }
        return toLease(network, v4, v6);
    }

    /** Releases the owner's addresses on the network; harmless when it holds none or the network is gone. */
    public void release(String networkId, String ownerId) {
        allocator.release(networkId, ownerId);
    }

    private InetAddress leaseFamily(Network network, List<SubnetLayout> layout, boolean ipv6, InetAddress requested,
                                    String ownerId) {
        List<IpamConfig> family = network.activeConfig().stream().filter(c -> c.isIpv6() == ipv6).toList();
        if (requested != null) {
            if (!network.hasUserConfiguredSubnet(ipv6)) {
                throw DockerError.invalidParameter(STATIC_NEEDS_USER_SUBNET);
            }
            boolean inSubnet = family.stream().anyMatch(c -> c.subnetCidr().contains(requested));
            if (!inSubnet) {
                throw DockerError.invalidParameter("no configured subnet or ip-range contain the IP address "
                        + IpAddresses.format(requested));
            }
            allocator.claim(network.id(), layout, requested, ownerId);
            return requested;
        }
        if (family.isEmpty()) {
            return null;
        }
        return allocator.allocate(network.id(), layout, ipv6, ownerId);
    }

    private AddressLease existing(Network network, List<InetAddress> held) {
        InetAddress v4 = null;
        InetAddress v6 = null;
        for (InetAddress address : held) {
            if (IpAddresses.isIpv6(address)) {
                v6 = address;
            } else {
                v4 = address;
            }
        }
        return toLease(network, v4, v6);
    }

    private static AddressLease toLease(Network network, InetAddress v4, InetAddress v6) {
        IpamConfig v4Config = configOf(network, v4);
        IpamConfig v6Config = configOf(network, v6);
        return new AddressLease(
                v4Config == null ? null : new IpPrefix(v4, v4Config.subnetCidr().prefixLength()),
                v4Config == null ? null : v4Config.gatewayAddress(),
                v6Config == null ? null : new IpPrefix(v6, v6Config.subnetCidr().prefixLength()),
                v6Config == null ? null : v6Config.gatewayAddress());
    }

    private static IpamConfig configOf(Network network, InetAddress address) {
        if (address == null) {
            return null;
        }
        return network.activeConfig().stream().filter(c -> c.subnetCidr().contains(address)).findFirst().orElse(null);
    }

    /**
     * What the allocator needs of a network: its used subnets, ranges, gateways and auxiliary addresses, and whether
     * it hands out addresses serially.
     */
    static List<SubnetLayout> layoutOf(Network network) {
        List<SubnetLayout> layout = new ArrayList<>();
        Map<String, String> ipamOptions = network.ipam().options();
        boolean serial = ipamOptions != null && "true".equals(ipamOptions.get(SubnetLayout.SERIAL_OPTION));
        for (IpamConfig config : network.activeConfig()) {
            List<InetAddress> reserved = new ArrayList<>();
            if (config.gatewayAddress() != null) {
                reserved.add(config.gatewayAddress());
            }
            config.auxiliaryAddresses().values().stream().map(IpAddresses::parseOrNull)
                    .filter(a -> a != null).forEach(reserved::add);
            Cidr range = config.ipRangeCidr();
            layout.add(new SubnetLayout(config.subnetCidr().masked(), range == null ? null : range.masked(), reserved,
                    serial));
        }
        return layout;
    }
}
