package io.netdock.network;

import java.util.List;
import java.util.Map;

/**
 * What a client asks for in {@code POST /networks/create}, independent of the wire format. Absent booleans are
 * false; {@code enableIpv4} is null when the request did not set it (or its API version predates the field).
 */
public record NetworkSpec(String name, String driver, String scope, boolean internal, boolean attachable,
                          boolean ingress, String ipamDriver, Map<String, String> ipamOptions,
                          List<IpamRequest> ipamConfig, Boolean enableIpv4, boolean enableIpv6,
                          Map<String, String> options, Map<String, String> labels, boolean configOnly,
                          String configFrom) {

    public NetworkSpec {
        ipamConfig = ipamConfig == null ? List.of() : List.copyOf(ipamConfig);
        options = options == null ? Map.of() : options;
        labels = labels == null ? Map.of() : labels;
    }

    /** One requested {@code IPAM.Config} entry, fields as the client wrote them (null or "" when absent). */
    public record IpamRequest(String subnet, String ipRange, String gateway, Map<String, String> auxiliaryAddresses) {
        public IpamRequest {
            auxiliaryAddresses = auxiliaryAddresses == null ? Map.of() : auxiliaryAddresses;
        }
    }

    /** A spec with just a name: a default bridge network, as {@code docker network create NAME} makes. */
    public static NetworkSpec named(String name) {
        return new NetworkSpec(name, null, null, false, false, false, null, null, List.of(), null, false,
                Map.of(), Map.of(), false, null);
    }
}
