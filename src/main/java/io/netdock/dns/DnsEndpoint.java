package io.netdock.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running container's attachment to one user-defined network, as the resolver sees it.
 *
 * @param names     Docker's {@code DNSNames}, in order (the first feeds PTR), as given (lookup ignores case)
 * @param ipv4      null when the endpoint has no IPv4 address
 * @param ipv6      null when the endpoint has no IPv6 address
 * @param links     {@code --link} aliases on this network, lower case alias → lower case target name; seen only by
 *                  the container that holds them, and looked up before every other name
 */
public record DnsEndpoint(String containerId, String networkId, String networkName, List<String> names,
                          InetAddress ipv4, InetAddress ipv6, Map<String, String> links) {

    public DnsEndpoint {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(networkName, "networkName");
        names = List.copyOf(names);
        links = Map.copyOf(links);
    }

    /** The address of one family, or null. */
    InetAddress address(boolean v6) {
        return v6 ? ipv6 : ipv4;
    }
}
