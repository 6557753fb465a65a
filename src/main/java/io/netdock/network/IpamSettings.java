package io.netdock.network;

import java.util.List;
import java.util.Map;

/**
 * A network's {@code IPAM}: the driver ({@code default}), its options ({@code null} when the create request
 * had none, as Docker shows it) and the configured subnets, IPv4 entries first.
 */
public record IpamSettings(String driver, Map<String, String> options, List<IpamConfig> config) {

    public IpamSettings {
        options = options == null ? null : Map.copyOf(options);
        config = List.copyOf(config);
    }
}
