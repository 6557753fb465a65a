package io.netdock.container.web;

import io.netdock.container.ContainerConfig;
import io.netdock.container.ContainerCreation;
import io.netdock.container.HostSettings;
import io.netdock.container.PortBindingRequest;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.error.DockerError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads Docker's {@code ContainerCreateRequest} (Config + HostConfig + NetworkingConfig) into the domain's
 * records, tolerating what the CLI sends ({@code ""} for unset IPs, {@code null} lists, unknown fields).
 */
final class CreateRequestReader {

    private CreateRequestReader() {
    }

    static ContainerCreation read(String name, JsonNode body, boolean atLeast144) {
        if (body == null || body.isNull() || body.isMissingNode() || (body.isObject() && body.isEmpty())) {
            throw DockerError.invalidParameter("Config cannot be empty in order to create a container");
        }
        JsonNode host = body.path("HostConfig");
        ContainerConfig config = new ContainerConfig(text(body, "Hostname"), text(body, "Domainname"),
                text(body, "User"), bool(body, "AttachStdin"), bool(body, "AttachStdout"), bool(body, "AttachStderr"),
                bool(body, "Tty"), bool(body, "OpenStdin"), bool(body, "StdinOnce"), strings(body.path("Env")),
                words(body.path("Cmd")), words(body.path("Entrypoint")), text(body, "Image"),
                text(body, "WorkingDir"), stringMap(body.path("Labels")), keys(body.path("ExposedPorts")),
                emptyToNull(text(body, "MacAddress")), emptyToNull(text(body, "StopSignal")),
                body.path("StopTimeout").isNumber() ? body.path("StopTimeout").asInt() : null);
        JsonNode restart = host.path("RestartPolicy");
        HostSettings settings = new HostSettings(text(host, "NetworkMode"), portBindings(host.path("PortBindings")),
                bool(host, "PublishAllPorts"), strings(host.path("Dns")), strings(host.path("DnsOptions")),
                strings(host.path("DnsSearch")), strings(host.path("ExtraHosts")), strings(host.path("Links")),
                bool(host, "AutoRemove"), text(restart, "Name"), restart.path("MaximumRetryCount").asInt(0));
        Map<String, EndpointConfig> endpoints = new LinkedHashMap<>();
        JsonNode configs = body.path("NetworkingConfig").path("EndpointsConfig");
        if (configs.isObject()) {
            for (Map.Entry<String, JsonNode> entry : configs.properties()) {
                endpoints.put(entry.getKey(), endpoint(entry.getValue(), atLeast144, true));
            }
        }
        return new ContainerCreation(name, config, settings, endpoints, atLeast144);
    }

    /** Docker's {@code EndpointSettings} input fields; {@code macHonoured} is false where Docker ignores it. */
    static EndpointConfig endpoint(JsonNode node, boolean atLeast148, boolean macHonoured) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return EndpointConfig.NONE;
        }
        JsonNode ipam = node.path("IPAMConfig");
        List<String> linkLocal = ipam.path("LinkLocalIPs").isArray() ? strings(ipam.path("LinkLocalIPs")) : null;
        return new EndpointConfig(emptyToNull(text(ipam, "IPv4Address")), emptyToNull(text(ipam, "IPv6Address")),
                linkLocal, strings(node.path("Links")), strings(node.path("Aliases")),
                macHonoured ? emptyToNull(text(node, "MacAddress")) : null, nullableStringMap(node.path("DriverOpts")),
                atLeast148 ? node.path("GwPriority").asInt(0) : 0);
    }

    private static Map<String, List<PortBindingRequest>> portBindings(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        Map<String, List<PortBindingRequest>> bindings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            List<PortBindingRequest> list = new ArrayList<>();
            if (entry.getValue().isArray()) {
                for (JsonNode binding : entry.getValue()) {
                    list.add(new PortBindingRequest(text(binding, "HostIp"), text(binding, "HostPort")));
                }
            }
            bindings.put(entry.getKey(), list);
        }
        return bindings;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : "";
    }

    private static boolean bool(JsonNode node, String field) {
        return node.path(field).asBoolean(false);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A JSON list of strings, or null when absent/null. */
    static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asString()));
        return values;
    }

    /** Docker's {@code StrSlice}: a list, or a single string (one word). */
    private static List<String> words(JsonNode node) {
        if (node.isString()) {
            return List.of(node.asString());
        }
        return strings(node);
    }

    private static List<String> keys(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        node.properties().forEach(entry -> keys.add(entry.getKey()));
        return keys;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString()));
        }
        return map;
    }

    private static Map<String, String> nullableStringMap(JsonNode node) {
        return node.isObject() ? stringMap(node) : null;
    }
}
