package io.netdock.network;

import io.netdock.kernel.IpPrefix;
import java.net.InetAddress;

/**
 * The addresses an endpoint got on a network, with the subnet's prefix length, and the gateways to route via.
 * A family the network does not use is null.
 */
public record AddressLease(IpPrefix ipv4, InetAddress gatewayV4, IpPrefix ipv6, InetAddress gatewayV6) {
}
