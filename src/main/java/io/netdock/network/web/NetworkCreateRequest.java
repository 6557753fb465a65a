package io.netdock.network.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.netdock.network.NetworkSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Docker's {@code NetworkCreateRequest}. Field names match case-insensitively and strings must be strings, as
 * with Go's decoder; unknown fields are ignored. {@code CheckDuplicate} is accepted and ignored: duplicate names
 * are always refused (Docker 25.0+).
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
record NetworkCreateRequest(
        @JsonProperty("Name") @JsonDeserialize(using = StrictString.class) String name,
        @JsonProperty("CheckDuplicate") Boolean checkDuplicate,
        @JsonProperty("Driver") @JsonDeserialize(using = StrictString.class) String driver,
        @JsonProperty("Scope") @JsonDeserialize(using = StrictString.class) String scope,
        @JsonProperty("Internal") Boolean internal,
        @JsonProperty("Attachable") Boolean attachable,
        @JsonProperty("Ingress") Boolean ingress,
        @JsonProperty("IPAM") Ipam ipam,
        @JsonProperty("EnableIPv4") Boolean enableIpv4,
        @JsonProperty("EnableIPv6") Boolean enableIpv6,
        @JsonProperty("Options") @JsonDeserialize(contentUsing = StrictString.class) Map<String, String> options,
        @JsonProperty("Labels") @JsonDeserialize(contentUsing = StrictString.class) Map<String, String> labels,
        @JsonProperty("ConfigOnly") Boolean configOnly,
        @JsonProperty("ConfigFrom") ConfigReference configFrom) {

    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    record Ipam(
            @JsonProperty("Driver") @JsonDeserialize(using = StrictString.class) String driver,
            @JsonProperty("Config") List<IpamConfigRequest> config,
            @JsonProperty("Options") @JsonDeserialize(contentUsing = StrictString.class) Map<String, String> options) {
    }

    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    record IpamConfigRequest(
            @JsonProperty("Subnet") @JsonDeserialize(using = StrictString.class) String subnet,
            @JsonProperty("IPRange") @JsonDeserialize(using = StrictString.class) String ipRange,
            @JsonProperty("Gateway") @JsonDeserialize(using = StrictString.class) String gateway,
            @JsonProperty("AuxiliaryAddresses") @JsonDeserialize(contentUsing = StrictString.class)
            Map<String, String> auxiliaryAddresses) {
    }

    static NetworkCreateRequest empty() {
        return new NetworkCreateRequest(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The request as the domain sees it; {@code EnableIPv4} only counts from API 1.48 on. */
    NetworkSpec toSpec(boolean enableIpv4Supported) {
        List<NetworkSpec.IpamRequest> configs = ipam == null || ipam.config() == null ? List.of()
                : ipam.config().stream().map(c -> c == null ? new NetworkSpec.IpamRequest(null, null, null, null)
                        : new NetworkSpec.IpamRequest(c.subnet(), c.ipRange(), c.gateway(),
                        nullsAsEmpty(c.auxiliaryAddresses()))).toList();
        return new NetworkSpec(name, driver, scope, isTrue(internal), isTrue(attachable), isTrue(ingress),
                ipam == null ? null : ipam.driver(), ipam == null ? null : nullsAsEmpty(ipam.options()), configs,
                enableIpv4Supported ? enableIpv4 : null, isTrue(enableIpv6), nullsAsEmpty(options),
                nullsAsEmpty(labels), isTrue(configOnly), configFrom == null ? null : configFrom.network());
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    /** Go decodes {@code "k": null} in a {@code map[string]string} as {@code ""}. */
    private static Map<String, String> nullsAsEmpty(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value == null ? "" : value));
        return copy;
    }
}
