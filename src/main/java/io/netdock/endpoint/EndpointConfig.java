package io.netdock.endpoint;

import java.util.List;
import java.util.Map;

/**
 * What a container asks of one network attachment (Docker's {@code EndpointSettings} input fields), kept while
 * the container exists and applied each time it starts.
 *
 * @param ipv4Address static IPv4 address ({@code IPAMConfig.IPv4Address}), or null
 * @param ipv6Address static IPv6 address ({@code IPAMConfig.IPv6Address}), or null
 * @param linkLocalIps {@code IPAMConfig.LinkLocalIPs}, echoed back
 * @param links        {@code container:alias} links; on user networks they are DNS aliases
 * @param aliases      network-scoped aliases
 * @param macAddress   requested MAC, or null for a generated one
 * @param driverOpts   driver options, echoed (null when not given)
 * @param gwPriority   which endpoint provides the default gateway (API ≥ 1.48)
 */
public record EndpointConfig(String ipv4Address, String ipv6Address, List<String> linkLocalIps, List<String> links,
                             List<String> aliases, String macAddress, Map<String, String> driverOpts, int gwPriority) {

    public static final EndpointConfig NONE = new EndpointConfig(null, null, null, null, null, null, null, 0);

    public boolean hasIpamConfig() {
        return ipv4Address != null || ipv6Address != null || (linkLocalIps != null && !linkLocalIps.isEmpty());
    }

    public boolean hasStaticAddress() {
        return ipv4Address != null || ipv6Address != null;
    }
}
