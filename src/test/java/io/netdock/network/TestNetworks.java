package io.netdock.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Network records for store tests. */
public final class TestNetworks {

    private TestNetworks() {
    }

    public static Network bridge(String id, String name, String subnet, String gateway) {
        return new Network(id, name, "bridge", "local", Instant.parse("2026-11-28T17:17:05.123456789Z"), false, false,
                false, false, "", true, false,
                new IpamSettings("default", null, List.of(new IpamConfig(subnet, null, gateway, Map.of(), true, true))),
                Map.of(), Map.of());
    }

    public static String id(char hex) {
        return String.valueOf(hex).repeat(64);
    }
}
