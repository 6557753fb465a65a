package io.netdock.endpoint;

import io.netdock.kernel.IpPrefix;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;

/**
 * A running container's attachment to one network.
 *
 * @param interfaceName the container-side interface ({@code eth0}, …); "" for host/none endpoints
 * @param macAddress    "" when the endpoint has no interface of its own
 * @param ipv4          address with the subnet's prefix length, or null
 * @param defaultRoute  this endpoint provides the container's default gateway
 * @param attachOrder   orders a container's endpoints by when they were attached
 */
public record Endpoint(String containerId, String networkId, String networkName, String endpointId,
                       String interfaceName, String macAddress, IpPrefix ipv4, InetAddress gatewayV4,
                       IpPrefix ipv6, InetAddress gatewayV6, boolean defaultRoute, long attachOrder) {

    public String ipv4Address() {
        return ipv4 == null ? "" : IpAddresses.format(ipv4.address());
    }

    public int ipv4PrefixLength() {
        return ipv4 == null ? 0 : ipv4.prefixLength();
    }

    public String ipv6Address() {
        return ipv6 == null ? "" : IpAddresses.format(ipv6.address());
    }

    public int ipv6PrefixLength() {
        return ipv6 == null ? 0 : ipv6.prefixLength();
    }

    public String gatewayV4Text() {
        return gatewayV4 == null ? "" : IpAddresses.format(gatewayV4);
    }

    public String gatewayV6Text() {
        return gatewayV6 == null ? "" : IpAddresses.format(gatewayV6);
    }

    public String ipv4Cidr() {
        return ipv4 == null ? "" : ipv4Address() + "/" + ipv4.prefixLength();
    }

    public String ipv6Cidr() {
        return ipv6 == null ? "" : ipv6Address() + "/" + ipv6.prefixLength();
    }
}
