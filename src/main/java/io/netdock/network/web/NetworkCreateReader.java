package io.netdock.network.web;

import io.netdock.go.GoStruct;
import io.netdock.network.NetworkSpec;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads Docker's {@code NetworkCreateRequest} as Go's decoder does ({@link GoStruct}: names matched exactly or else
 * case-insensitively, {@code null} and absent fields are zero values, a value of the wrong JSON type is refused in
 * Go's words, unknown fields are ignored). {@code CheckDuplicate} is checked for its type and ignored: duplicate
 * names are always refused (Docker 25.0+).
 */
final class NetworkCreateReader {

    private NetworkCreateReader() {
    }

    /** The request as the domain sees it; {@code EnableIPv4} only counts from API 1.48 on. */
    static NetworkSpec read(JsonNode json, boolean enableIpv4Supported) {
        GoStruct body = GoStruct.body(json, "NetworkCreateRequest", "NetworkCreateRequest");
        body.bool("CheckDuplicate");
        GoStruct ipam = body.struct("IPAM", "IPAM", "network.IPAM");
        List<GoStruct> configs = ipam.structList("Config", "IPAMConfig", "[]network.IPAMConfig",
                "network.IPAMConfig");
        List<NetworkSpec.IpamRequest> requests = configs == null ? List.of() : configs.stream()
                .map(c -> new NetworkSpec.IpamRequest(c.string("Subnet"), c.string("IPRange"), c.string("Gateway"),
                        c.stringMap("AuxiliaryAddresses")))
                .toList();
        Boolean enableIpv4 = body.has("EnableIPv4") ? body.bool("EnableIPv4") : null;
        return new NetworkSpec(body.string("Name"), body.string("Driver"), body.string("Scope"), body.bool("Internal"),
                body.bool("Attachable"), body.bool("Ingress"), ipam.string("Driver"), ipam.stringMap("Options"),
                requests, enableIpv4Supported ? enableIpv4 : null, body.bool("EnableIPv6"), body.stringMap("Options"),
                body.stringMap("Labels"), body.bool("ConfigOnly"),
                body.struct("ConfigFrom", "ConfigReference", "network.ConfigReference").string("Network"));
    }
}
