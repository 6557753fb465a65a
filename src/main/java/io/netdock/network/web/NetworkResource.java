package io.netdock.network.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.netdock.api.ApiVersion;
import io.netdock.network.IpamConfig;
import io.netdock.network.Network;
import io.netdock.network.NetworkUser;
import io.netdock.time.GoTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Docker's {@code Network} document (inspect, list items) in dockerd's field order. */
record NetworkResource(
        @JsonProperty("Name") String name,
        @JsonProperty("Id") String id,
        @JsonProperty("Created") String created,
        @JsonProperty("Scope") String scope,
        @JsonProperty("Driver") String driver,
        @JsonProperty("EnableIPv4") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean enableIpv4,
        @JsonProperty("EnableIPv6") boolean enableIpv6,
        @JsonProperty("IPAM") Ipam ipam,
        @JsonProperty("Internal") boolean internal,
        @JsonProperty("Attachable") boolean attachable,
        @JsonProperty("Ingress") boolean ingress,
        @JsonProperty("ConfigFrom") ConfigReference configFrom,
        @JsonProperty("ConfigOnly") boolean configOnly,
        @JsonProperty("Containers") Map<String, Endpoint> containers,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Labels") Map<String, String> labels) {

    /** Go sorts map keys by their UTF-8 bytes, which is code point order. */
    static final Comparator<String> GO_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    record Ipam(@JsonProperty("Driver") String driver,
                @JsonProperty("Options") Map<String, String> options,
                @JsonProperty("Config") List<Config> config) {
    }

    /** An {@code IPAMConfig}; empty members are left out, as Docker does. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Config(@JsonProperty("Subnet") String subnet,
                  @JsonProperty("IPRange") String ipRange,
                  @JsonProperty("Gateway") String gateway,
                  @JsonProperty("AuxiliaryAddresses") Map<String, String> auxiliaryAddresses) {
    }

    record Endpoint(@JsonProperty("Name") String name,
                    @JsonProperty("EndpointID") String endpointId,
                    @JsonProperty("MacAddress") String macAddress,
                    @JsonProperty("IPv4Address") String ipv4Address,
                    @JsonProperty("IPv6Address") String ipv6Address) {
    }

    static NetworkResource of(Network network, List<NetworkUser> users, ApiVersion version) {
        Map<String, Endpoint> containers = new LinkedHashMap<>();
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
        if (map == null) {
            return null;
        }
        Map<String, String> sorted = new TreeMap<>(GO_ORDER);
        sorted.putAll(map);
        return sorted;
    }
}
