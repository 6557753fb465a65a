package io.netdock.container.web;

import io.netdock.container.ContainerConfig;
import io.netdock.container.ContainerCreation;
import io.netdock.container.HostSettings;
import io.netdock.container.PortBindingRequest;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.error.DockerError;
import io.netdock.go.GoStruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads Docker's {@code ContainerCreateRequest} (Config + HostConfig + NetworkingConfig) into the domain's
 * records, tolerating what the CLI sends ({@code ""} for unset IPs, {@code null} lists, unknown fields) and
 * refusing values of the wrong JSON type as dockerd's decoder does (Go's struct and field names in the message).
 */
final class CreateRequestReader {

    private CreateRequestReader() {
    }

    static ContainerCreation read(String name, JsonNode json, boolean atLeast144) {
        GoStruct body = GoStruct.body(json, "ContainerConfigWrapper", "runconfig.ContainerConfigWrapper");
        if (body.isEmpty()) {
            throw DockerError.invalidParameter("Config cannot be empty in order to create a container");
        }
        GoStruct host = body.struct("HostConfig", "HostConfig", "container.HostConfig");
        Integer stopTimeout = body.integer("StopTimeout");
        ContainerConfig config = new ContainerConfig(body.text("Hostname"), body.text("Domainname"),
                body.text("User"), body.bool("AttachStdin"), body.bool("AttachStdout"), body.bool("AttachStderr"),
                body.bool("Tty"), body.bool("OpenStdin"), body.bool("StdinOnce"), body.strings("Env"),
                body.stringOrStrings("Cmd"), body.stringOrStrings("Entrypoint"), body.text("Image"),
                body.text("WorkingDir"), orEmpty(body.stringMap("Labels")), body.keys("ExposedPorts", "nat.PortSet"),
                emptyToNull(body.text("MacAddress")), emptyToNull(body.text("StopSignal")), stopTimeout,
                GivenFields.config(body));
        GoStruct restart = host.struct("RestartPolicy", "RestartPolicy", "container.RestartPolicy");
        Integer retries = restart.integer("MaximumRetryCount");
        HostSettings settings = new HostSettings(host.text("NetworkMode"), portBindings(host), host.bool("PublishAllPorts"),
                host.strings("Dns"), host.strings("DnsOptions"), host.strings("DnsSearch"), host.strings("ExtraHosts"),
                host.strings("Links"), host.bool("AutoRemove"), restart.text("Name"), retries == null ? 0 : retries,
                host.struct("LogConfig", "LogConfig", "container.LogConfig").stringMap("Config"),
                GivenFields.hostConfig(host));
        Map<String, EndpointConfig> endpoints = new LinkedHashMap<>();
        Map<String, GoStruct> configs = body.struct("NetworkingConfig", "NetworkingConfig", "network.NetworkingConfig")
                .structMap("EndpointsConfig", "map[string]*network.EndpointSettings", "EndpointSettings",
                        "network.EndpointSettings");
        if (configs != null) {
            configs.forEach((network, settings1) -> endpoints.put(network, endpoint(settings1, atLeast144, true)));
        }
        return new ContainerCreation(name, config, settings, endpoints, atLeast144);
    }

    /** Docker's {@code EndpointSettings} input fields; {@code macHonoured} is false where Docker ignores it. */
    static EndpointConfig endpoint(GoStruct settings, boolean atLeast148, boolean macHonoured) {
        if (settings.isEmpty()) {
            return EndpointConfig.NONE;
        }
        GoStruct ipam = settings.struct("IPAMConfig", "EndpointIPAMConfig", "network.EndpointIPAMConfig");
        List<String> linkLocal = ipam.strings("LinkLocalIPs");
        List<String> links = settings.strings("Links");
        List<String> aliases = settings.strings("Aliases");
        String mac = settings.text("MacAddress");
        Map<String, String> driverOpts = settings.stringMap("DriverOpts");
        Integer priority = settings.integer("GwPriority");
        return new EndpointConfig(emptyToNull(ipam.text("IPv4Address")), emptyToNull(ipam.text("IPv6Address")),
                linkLocal, links, aliases, macHonoured ? emptyToNull(mac) : null, driverOpts,
                atLeast148 && priority != null ? priority : 0);
    }

    private static Map<String, List<PortBindingRequest>> portBindings(GoStruct host) {
        Map<String, List<GoStruct>> bindings = host.structListMap("PortBindings", "nat.PortMap", "PortBinding",
                "[]nat.PortBinding", "nat.PortBinding");
        if (bindings == null) {
            return null;
        }
        Map<String, List<PortBindingRequest>> result = new LinkedHashMap<>();
        bindings.forEach((port, list) -> {
            List<PortBindingRequest> requests = new ArrayList<>();
            for (GoStruct binding : list) {
                requests.add(new PortBindingRequest(binding.text("HostIp"), binding.text("HostPort")));
            }
            result.put(port, requests);
        });
        return result;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? new LinkedHashMap<>() : map;
    }
}
