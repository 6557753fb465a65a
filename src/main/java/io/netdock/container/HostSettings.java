package io.netdock.container;

import java.util.List;
import java.util.Map;

/**
 * The networking part of Docker's {@code HostConfig} (plus the few lifecycle fields netdock honours).
 *
 * @param networkMode  as stored: {@code bridge}, {@code host}, {@code none}, {@code container:<full id>} or a
 *                     network name/ID
 * @param portBindings {@code "80/tcp"} → bindings, in the order received; null when not given
 * @param links        normalised {@code /target:/parent/alias}; null when none
 * @param logOptions   {@code LogConfig.Config} of the json-file driver ({@code max-size}, {@code max-file}); null
 *                     when none
 * @param asGiven      the other {@code HostConfig} fields the client sent (by Docker's name, in Go's JSON types),
 *                     which netdock does not act on but shows back, as Docker does; null or empty when none
 */
public record HostSettings(String networkMode, Map<String, List<PortBindingRequest>> portBindings,
                           boolean publishAllPorts, List<String> dns, List<String> dnsOptions, List<String> dnsSearch,
                           List<String> extraHosts, List<String> links, boolean autoRemove, String restartPolicy,
                           int maximumRetryCount, Map<String, String> logOptions,
                           Map<String, Object> asGiven) {

    public HostSettings {
        asGiven = GivenValues.copyOf(asGiven);
    }

    public HostSettings withLinks(List<String> newLinks) {
        return new HostSettings(networkMode, portBindings, publishAllPorts, dns, dnsOptions, dnsSearch, extraHosts,
                newLinks, autoRemove, restartPolicy, maximumRetryCount, logOptions, asGiven);
    }

    public HostSettings withNetworkMode(String mode) {
        return new HostSettings(mode, portBindings, publishAllPorts, dns, dnsOptions, dnsSearch, extraHosts,
                links, autoRemove, restartPolicy, maximumRetryCount, logOptions, asGiven);
    }

    public NetworkMode mode() {
        return NetworkMode.of(networkMode);
    }
}
