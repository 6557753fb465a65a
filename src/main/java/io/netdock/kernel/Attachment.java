package io.netdock.kernel;

import java.net.InetAddress;
import java.util.List;

/**
 * One endpoint: a veth pair from a network's bridge into a sandbox.
 *
 * @param network        the network's bridge
 * @param sandboxId      the sandbox the container end goes into
 * @param endpointId     Docker's EndpointID (names the host-side veth)
 * @param interfaceName  the container-side name ({@code eth0}, {@code eth1}, …)
 * @param macAddress     the container-side MAC, {@code aa:bb:cc:dd:ee:ff}
 * @param addresses      the container's addresses with prefix length
 * @param gatewayV4      default IPv4 route via this gateway, or null for no default route
 * @param gatewayV6      default IPv6 route via this gateway, or null
 */
public record Attachment(BridgeNetwork network, String sandboxId, String endpointId, String interfaceName,
                         String macAddress, List<IpPrefix> addresses, InetAddress gatewayV4, InetAddress gatewayV6) {
}
