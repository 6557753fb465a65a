package io.netdock.network.web;

import io.netdock.api.ApiVersion;
import io.netdock.go.GoTime;
import io.netdock.go.KeyOrder;
import io.netdock.network.IpamConfig;
import io.netdock.network.Network;
import io.netdock.network.NetworkUser;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.annotation.JsonSerialize;

/** Docker's {@code Network} document (inspect, list items); {@link NetworkResourceWriter} writes it as dockerd does. */
@JsonSerialize(using = NetworkResourceWriter.class)
record NetworkResource(
        String name,
        String id,
        String created,
        String scope,
        String driver,
        Boolean enableIpv4,
        boolean enableIpv6,
        Ipam ipam,
        boolean internal,
        boolean attachable,
        boolean ingress,
        ConfigReference configFrom,
        boolean configOnly,
        Map<String, Endpoint> containers,
        Map<String, String> options,
        Map<String, String> labels) {

    record Ipam(String driver,
                Map<String, String> options,
                List<Config> config) {
    }

    /** An {@code IPAMConfig}; the writer leaves empty members out, as Docker does. */
    record Config(String subnet,
                  String ipRange,
                  String gateway,
                  Map<String, String> auxiliaryAddresses) {
    }

    record Endpoint(String name,
                    String endpointId,
                    String macAddress,
                    String ipv4Address,
                    String ipv6Address) {
    }

    static NetworkResource of(Network network, List<NetworkUser> users, ApiVersion version) {
        Map<String, Endpoint> containers = new TreeMap<>(KeyOrder.GO);
        for (NetworkUser user : users) {
            containers.put(user.containerId(), new Endpoint(user.containerName(), user.endpointId(),
                    user.macAddress(), user.ipv4Cidr(), user.ipv6Cidr()));
        }
        List<Config> config = network.ipam().config().stream().map(NetworkResource::config).toList();
        return new NetworkResource(network.name(), network.id(), GoTime.format(network.created()), network.scope(),
                network.driver(), version.atLeast("1.48") ? network.enableIpv4() : null, network.enableIpv6(),
                new Ipam(network.ipam().driver(), sorted(network.ipam().options()), config), network.internal(),
                network.attachable(), network.ingress(), new ConfigReference(network.configFrom()),
                network.configOnly(), containers, sorted(network.options()), sorted(network.labels()));
    }

    private static Config config(IpamConfig config) {
        return new Config(config.subnet(), config.ipRange(), config.gatewayShown() ? config.gateway() : null,
                sorted(config.auxiliaryAddresses()));
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        if (map == null || map.size() < 2) {
            return map;
        }
        Map<String, String> sorted = new TreeMap<>(KeyOrder.GO);
        sorted.putAll(map);
        return sorted;
    }
}
