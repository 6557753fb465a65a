package io.netdock.network;

/** One endpoint on a network, as inspect's {@code Containers} shows it. Addresses are CIDR text or "". */
public record NetworkUser(String containerId, String containerName, String endpointId, String macAddress,
                          String ipv4Cidr, String ipv6Cidr) {
}
