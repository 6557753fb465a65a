package io.netdock.network;

import io.netdock.ipam.Cidr;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code IPAM.Config} entry of a network.
 *
 * @param subnet             the subnet, CIDR text
 * @param ipRange            the dynamic range, or null
 * @param gateway            the gateway in use (given or allocated); null when none was allocated (the family
 *                           is disabled or the network is configuration-only and the user gave none)
 * @param auxiliaryAddresses name → address, reserved and never leased
 * @param userSubnet         the user named the subnet (rather than the daemon choosing one)
 * @param gatewayShown       inspect lists {@code Gateway} (Docker shows it when it chose the subnet or the user
 *                           gave one; the default bridge shows none)
 */
public record IpamConfig(String subnet, String ipRange, String gateway, Map<String, String> auxiliaryAddresses,
                         boolean userSubnet, boolean gatewayShown) {

    public IpamConfig {
        auxiliaryAddresses = auxiliaryAddresses == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(auxiliaryAddresses));
    }

    public Cidr subnetCidr() {
        return Cidr.parse(subnet);
    }

    public Cidr ipRangeCidr() {
        return ipRange == null ? null : Cidr.parse(ipRange);
    }

    public InetAddress gatewayAddress() {
        return gateway == null ? null : IpAddresses.parseOrNull(gateway);
    }

    public boolean isIpv6() {
        return subnetCidr().isIpv6();
    }

    public IpamConfig withGateway(String allocated, boolean shown) {
        return new IpamConfig(subnet, ipRange, allocated, auxiliaryAddresses, userSubnet, shown);
    }
}
