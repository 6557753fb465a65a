package io.netdock.container;

import io.netdock.endpoint.EndpointConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network-only container: its configuration, state, and the networks it is attached to (by network name,
 * with what was asked for each). Runtime addresses live with the endpoints while it runs.
 *
 * @param name       without Docker's leading slash
 * @param imageId    the emulated image's ID ({@code sha256:…}, see the image module)
 * @param networks   network name → requested endpoint settings, in attachment order
 * @param links      legacy links this container holds (default bridge)
 * @param sandboxId  the last sandbox (kept after stop, like Docker's stale SandboxID), or ""
 * @param lastAddresses the own addresses its {@code /etc/hosts} listed while it last ran (the file outlives a stop)
 */
public record Container(String id, String name, Instant created, String imageId, ContainerConfig config,
                        HostSettings host,
                        Map<String, EndpointConfig> networks, List<Link> links, ContainerState state,
                        int restartCount, String sandboxId, String sandboxKey, List<String> lastAddresses) {

    public String shortId() {
        return id.substring(0, 12);
    }

    /**
     * Docker's {@code DNSNames} on a user-defined network, in order, deduplicated: the container name, the
     * endpoint's aliases, the short ID, the hostname. The first one names the container in PTR answers.
     */
    public List<String> dnsNames(EndpointConfig endpoint) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(name);
        if (endpoint != null && endpoint.aliases() != null) {
            names.addAll(endpoint.aliases());
        }
        names.add(shortId());
        names.add(config.hostname());
        return new ArrayList<>(names);
    }

    public boolean isRunning() {
        return state.isRunning();
    }

    public NetworkMode mode() {
        return host.mode();
    }

    public Map<String, String> labels() {
        return config.labels() == null ? Map.of() : config.labels();
    }

    public Container withLastAddresses(List<String> addresses) {
        return new Container(id, name, created, imageId, config, host, networks, links, state, restartCount, sandboxId,
                sandboxKey, List.copyOf(addresses));
    }

    public List<String> lastAddresses() {
        return lastAddresses == null ? List.of() : lastAddresses;
    }

    public Container withName(String newName) {
        return new Container(id, newName, created, imageId, config, host, networks, links, state, restartCount, sandboxId,
                sandboxKey, lastAddresses);
    }

    public Container withState(ContainerState newState) {
        return new Container(id, name, created, imageId, config, host, networks, links, newState, restartCount, sandboxId,
                sandboxKey, lastAddresses);
    }

    public Container withSandbox(String newSandboxId, String newSandboxKey) {
        return new Container(id, name, created, imageId, config, host, networks, links, state, restartCount, newSandboxId,
                newSandboxKey, lastAddresses);
    }

    public Container withRestartCount(int count) {
        return new Container(id, name, created, imageId, config, host, networks, links, state, count, sandboxId,
                sandboxKey, lastAddresses);
    }

    public Container withNetworks(Map<String, EndpointConfig> newNetworks) {
        return new Container(id, name, created, imageId, config, host, new LinkedHashMap<>(newNetworks), links, state,
                restartCount, sandboxId, sandboxKey, lastAddresses);
    }

    public Container withLinks(List<Link> newLinks) {
        return new Container(id, name, created, imageId, config, host, networks, List.copyOf(newLinks), state, restartCount,
                sandboxId, sandboxKey, lastAddresses);
    }

    public Container withConfig(ContainerConfig newConfig) {
        return new Container(id, name, created, imageId, newConfig, host, networks, links, state, restartCount, sandboxId,
                sandboxKey, lastAddresses);
    }
}
