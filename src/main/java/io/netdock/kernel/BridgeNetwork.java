package io.netdock.kernel;

import java.util.List;

/**
 * A bridge network as the kernel sees it.
 *
 * @param networkId       the Docker network ID (names netdock's objects for reconciliation)
 * @param bridgeName      interface name of the bridge ({@code docker0}, {@code br-<12 hex>}); at most 15 bytes
 * @param gateways        gateway addresses with the subnet prefix length, one per address family in use
 * @param mtu             MTU of the bridge and its veths
 * @param internal        no route out: no masquerade, traffic leaving the bridge is dropped
 * @param interContainer  {@code enable_icc}: containers on the bridge may talk to each other
 * @param masquerade      {@code enable_ip_masquerade}: outbound traffic is source-NATed
 * @param hostBindingIpv4 {@code host_binding_ipv4}: default host address for published ports
 */
public record BridgeNetwork(String networkId, String bridgeName, List<IpPrefix> gateways, int mtu, boolean internal,
                            boolean interContainer, boolean masquerade, String hostBindingIpv4) {
}
