package io.netdock.container.web;

import io.netdock.api.ApiVersion;
import io.netdock.container.Container;
import io.netdock.container.ContainerConfig;
import io.netdock.container.ContainerState;
import io.netdock.container.ContainerView;
import io.netdock.container.HostSettings;
import io.netdock.container.PortBindingRequest;
import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.go.GoTime;
import io.netdock.go.HumanDuration;
import io.netdock.network.Network;
import io.netdock.portmap.PortBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Docker's container inspect document and list item, field by field in dockerd's order, per API version. */
final class ContainerDocuments {

    private ContainerDocuments() {
    }

    static Map<String, Object> inspect(ContainerView view, Optional<Container> namespaceOwner, String stateDir,
                                       ApiVersion version) {
        Container c = view.container();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Id", c.id());
        doc.put("Created", GoTime.formatOrZero(c.created()));
        doc.put("Path", c.config().path());
        doc.put("Args", c.config().args());
        doc.put("State", state(c.state()));
        doc.put("Image", imageId(c));
        boolean started = c.state().startedAt() != null;
        Container files = namespaceOwner.orElse(c);
        String dir = stateDir + "/containers/" + files.id() + "/";
        doc.put("ResolvConfPath", started ? dir + "resolv.conf" : "");
        doc.put("HostnamePath", started ? dir + "hostname" : "");
        doc.put("HostsPath", started ? dir + "hosts" : "");
        doc.put("LogPath", "");
        doc.put("Name", "/" + c.name());
        doc.put("RestartCount", c.restartCount());
        doc.put("Driver", "netdock");
        doc.put("Platform", "linux");
        doc.put("MountLabel", "");
        doc.put("ProcessLabel", "");
        doc.put("AppArmorProfile", "");
        doc.put("ExecIDs", null);
        doc.put("HostConfig", hostConfig(c.host(), view.hostLinks()));
        doc.put("GraphDriver", Map.of("Data", Map.of(), "Name", "netdock"));
        doc.put("Mounts", List.of());
        doc.put("Config", config(c.config(), version));
        doc.put("NetworkSettings", networkSettings(view, version));
        return doc;
    }

    static Map<String, Object> listItem(ContainerView view, Instant now, ApiVersion version) {
        Container c = view.container();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Id", c.id());
        List<String> names = new ArrayList<>();
        names.add("/" + c.name());
        names.addAll(view.linkNames());
        names.sort(null); // dockerd lists them from its name index, in byte order
        item.put("Names", names);
        item.put("Image", c.config().image());
        item.put("ImageID", imageId(c));
        item.put("Command", String.join(" ", c.config().commandLine()));
        item.put("Created", c.created().getEpochSecond());
        item.put("Ports", listPorts(view));
        item.put("Labels", c.labels());
        item.put("State", c.state().status().text());
        item.put("Status", status(c.state(), now));
        item.put("HostConfig", Map.of("NetworkMode", c.host().networkMode()));
        Map<String, Object> networks = new LinkedHashMap<>();
        c.networks().forEach((key, config) -> networks.put(key, endpointSettings(view, key, config, version, true)));
        item.put("NetworkSettings", Map.of("Networks", networks));
        item.put("Mounts", List.of());
        return item;
    }

    static String status(ContainerState state, Instant now) {
        return switch (state.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanDuration.of(Duration.between(state.startedAt(), now));
            case EXITED -> "Exited (" + state.exitCode() + ") "
                    + HumanDuration.of(Duration.between(state.finishedAt(), now)) + " ago";
        };
    }

    /** The emulated image's ID recorded at create (the image module derives it from the reference). */
    static String imageId(Container container) {
        return container.imageId() == null ? "" : container.imageId();
    }

    private static Map<String, Object> state(ContainerState state) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Status", state.status().text());
        doc.put("Running", state.isRunning());
        doc.put("Paused", false);
        doc.put("Restarting", false);
        doc.put("OOMKilled", false);
        doc.put("Dead", false);
        doc.put("Pid", 0);
        doc.put("ExitCode", state.exitCode());
        doc.put("Error", state.error());
        doc.put("StartedAt", GoTime.formatOrZero(state.startedAt()));
        doc.put("FinishedAt", GoTime.formatOrZero(state.finishedAt()));
        return doc;
    }

    private static Map<String, Object> config(ContainerConfig c, ApiVersion version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Hostname", c.hostname());
        doc.put("Domainname", c.domainname());
        doc.put("User", c.user());
        doc.put("AttachStdin", c.attachStdin());
        doc.put("AttachStdout", c.attachStdout());
        doc.put("AttachStderr", c.attachStderr());
        if (c.exposedPorts() != null && !c.exposedPorts().isEmpty()) {
            Map<String, Object> exposed = new LinkedHashMap<>();
            new TreeSet<>(c.exposedPorts()).forEach(key -> exposed.put(key, Map.of()));
            doc.put("ExposedPorts", exposed);
        }
        doc.put("Tty", c.tty());
        doc.put("OpenStdin", c.openStdin());
        doc.put("StdinOnce", c.stdinOnce());
        doc.put("Env", c.env());
        doc.put("Cmd", c.cmd());
        doc.put("Image", c.image());
        doc.put("Volumes", null);
        doc.put("WorkingDir", c.workingDir());
        doc.put("Entrypoint", c.entrypoint());
        doc.put("OnBuild", null);
        doc.put("Labels", c.labels() == null ? Map.of() : c.labels());
        if (c.macAddress() != null && version.below("1.52")) {
            doc.put("MacAddress", c.macAddress());
        }
        if (c.stopSignal() != null) {
            doc.put("StopSignal", c.stopSignal());
        }
        if (c.stopTimeout() != null) {
            doc.put("StopTimeout", c.stopTimeout());
        }
        return doc;
    }

    private static Map<String, Object> hostConfig(HostSettings h, List<String> links) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Binds", null);
        doc.put("ContainerIDFile", "");
        doc.put("LogConfig", Map.of("Type", "none", "Config", Map.of()));
        doc.put("NetworkMode", h.networkMode());
        doc.put("PortBindings", portBindings(h.portBindings()));
        Map<String, Object> restart = new LinkedHashMap<>();
        restart.put("Name", h.restartPolicy() == null || h.restartPolicy().isEmpty() ? "no" : h.restartPolicy());
        restart.put("MaximumRetryCount", h.maximumRetryCount());
        doc.put("RestartPolicy", restart);
        doc.put("AutoRemove", h.autoRemove());
        doc.put("VolumeDriver", "");
        doc.put("VolumesFrom", null);
        doc.put("ConsoleSize", List.of(0, 0));
        doc.put("CapAdd", null);
        doc.put("CapDrop", null);
        doc.put("CgroupnsMode", "private");
        doc.put("Dns", h.dns());
        doc.put("DnsOptions", h.dnsOptions());
        doc.put("DnsSearch", h.dnsSearch());
        doc.put("ExtraHosts", h.extraHosts());
        doc.put("GroupAdd", null);
        doc.put("IpcMode", "private");
        doc.put("Cgroup", "");
        doc.put("Links", links.isEmpty() ? null : links);
        doc.put("OomScoreAdj", 0);
        doc.put("PidMode", "");
        doc.put("Privileged", false);
        doc.put("PublishAllPorts", h.publishAllPorts());
        doc.put("ReadonlyRootfs", false);
        doc.put("SecurityOpt", null);
        doc.put("UTSMode", "");
        doc.put("UsernsMode", "");
        doc.put("ShmSize", 67108864);
        doc.put("Runtime", "netdock");
        doc.put("Isolation", "");
        doc.put("CpuShares", 0);
        doc.put("Memory", 0);
        doc.put("NanoCpus", 0);
        doc.put("CgroupParent", "");
        doc.put("MaskedPaths", null);
        doc.put("ReadonlyPaths", null);
        return doc;
    }

    private static Map<String, Object> portBindings(Map<String, List<PortBindingRequest>> bindings) {
        if (bindings == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        bindings.forEach((key, list) -> {
            List<Map<String, String>> entries = new ArrayList<>();
            for (PortBindingRequest b : list) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("HostIp", b.hostIp());
                entry.put("HostPort", b.hostPort());
                entries.add(entry);
            }
            doc.put(key, entries);
        });
        return doc;
    }

    private static Map<String, Object> networkSettings(ContainerView view, ApiVersion version) {
        Container c = view.container();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Bridge", "");
        doc.put("SandboxID", c.sandboxId());
        doc.put("HairpinMode", false);
        doc.put("LinkLocalIPv6Address", "");
        doc.put("LinkLocalIPv6PrefixLen", 0);
        doc.put("Ports", inspectPorts(view));
        doc.put("SandboxKey", c.sandboxKey());
        doc.put("SecondaryIPAddresses", null);
        doc.put("SecondaryIPv6Addresses", null);
        Optional<Endpoint> bridge = c.isRunning() ? view.endpointOn("bridge") : Optional.empty();
        doc.put("EndpointID", bridge.map(Endpoint::endpointId).orElse(""));
        doc.put("Gateway", bridge.map(Endpoint::gatewayV4Text).orElse(""));
        doc.put("GlobalIPv6Address", bridge.map(Endpoint::ipv6Address).orElse(""));
        doc.put("GlobalIPv6PrefixLen", bridge.map(Endpoint::ipv6PrefixLength).orElse(0));
        doc.put("IPAddress", bridge.map(Endpoint::ipv4Address).orElse(""));
        doc.put("IPPrefixLen", bridge.map(Endpoint::ipv4PrefixLength).orElse(0));
        doc.put("IPv6Gateway", bridge.map(Endpoint::gatewayV6Text).orElse(""));
        doc.put("MacAddress", bridge.map(Endpoint::macAddress).orElse(""));
        Map<String, Object> networks = new LinkedHashMap<>();
        c.networks().forEach((key, config) -> networks.put(key, endpointSettings(view, key, config, version, false)));
        doc.put("Networks", networks);
        return doc;
    }

    static Map<String, Object> endpointSettings(ContainerView view, String key, EndpointConfig config,
                                                ApiVersion version, boolean listItem) {
        Container c = view.container();
        Network network = view.networks().get(key);
        Optional<Endpoint> endpoint = c.isRunning() ? view.endpointOn(key) : Optional.empty();
        boolean userDefined = network != null && !network.isPredefined();
        boolean everAttached = c.isRunning() || c.state().startedAt() != null;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("IPAMConfig", ipamConfig(config));
        doc.put("Links", config.links() == null || config.links().isEmpty() ? null : config.links());
        doc.put("Aliases", listItem ? null : aliases(c, config, userDefined && everAttached, version));
        boolean modern = version.atLeast("1.44");
        String mac = endpoint.map(Endpoint::macAddress).orElse("");
        if (modern) {
            doc.put("MacAddress", mac);
            doc.put("DriverOpts", config.driverOpts());
            if (version.atLeast("1.48")) {
                doc.put("GwPriority", config.gwPriority());
            }
        }
        doc.put("NetworkID", network != null && (c.state().startedAt() != null || c.isRunning())
                ? network.id() : "");
        doc.put("EndpointID", endpoint.map(Endpoint::endpointId).orElse(""));
        doc.put("Gateway", endpoint.map(Endpoint::gatewayV4Text).orElse(""));
        doc.put("IPAddress", endpoint.map(Endpoint::ipv4Address).orElse(""));
        doc.put("IPPrefixLen", endpoint.map(Endpoint::ipv4PrefixLength).orElse(0));
        doc.put("IPv6Gateway", endpoint.map(Endpoint::gatewayV6Text).orElse(""));
        doc.put("GlobalIPv6Address", endpoint.map(Endpoint::ipv6Address).orElse(""));
        doc.put("GlobalIPv6PrefixLen", endpoint.map(Endpoint::ipv6PrefixLength).orElse(0));
        if (modern) {
            doc.put("DNSNames", userDefined && endpoint.isPresent() ? c.dnsNames(config) : null);
        } else {
            doc.put("MacAddress", mac);
            doc.put("DriverOpts", config.driverOpts());
        }
        return doc;
    }

    private static Object ipamConfig(EndpointConfig config) {
        if (!config.hasIpamConfig()) {
            return null;
        }
        Map<String, Object> ipam = new LinkedHashMap<>();
        if (config.ipv4Address() != null) {
            ipam.put("IPv4Address", config.ipv4Address());
        }
        if (config.ipv6Address() != null) {
            ipam.put("IPv6Address", config.ipv6Address());
        }
        if (config.linkLocalIps() != null && !config.linkLocalIps().isEmpty()) {
            ipam.put("LinkLocalIPs", config.linkLocalIps());
        }
        return ipam;
    }

    /** Before 1.45 Docker adds the short ID and the hostname to the aliases on user-defined networks. */
    private static List<String> aliases(Container c, EndpointConfig config, boolean derived, ApiVersion version) {
        List<String> given = config.aliases() == null ? List.of() : config.aliases();
        if (!derived || !version.below("1.45")) {
            return given.isEmpty() ? null : given;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(given);
        all.add(c.shortId());
        if (!c.config().hostname().equals(c.shortId())) {
            all.add(c.config().hostname());
        }
        return new ArrayList<>(all);
    }

    private static Map<String, Object> inspectPorts(ContainerView view) {
        Map<String, Object> ports = new LinkedHashMap<>();
        Container c = view.container();
        if (!c.isRunning() || c.mode().sharesNamespace()) {
            return ports;
        }
        Map<String, List<Map<String, String>>> bound = new LinkedHashMap<>();
        for (PortBinding b : view.ports()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("HostIp", b.hostIp());
            entry.put("HostPort", Integer.toString(b.hostPort()));
            bound.computeIfAbsent(b.portKey(), k -> new ArrayList<>()).add(entry);
        }
        TreeSet<String> keys = new TreeSet<>();
        if (c.config().exposedPorts() != null) {
            keys.addAll(c.config().exposedPorts());
        }
        keys.addAll(bound.keySet());
        keys.forEach(key -> ports.put(key, bound.get(key)));
        return ports;
    }

    private static List<Map<String, Object>> listPorts(ContainerView view) {
        List<Map<String, Object>> ports = new ArrayList<>();
        Container c = view.container();
        if (!c.isRunning() || c.mode().sharesNamespace()) {
            return ports;
        }
        TreeSet<String> published = new TreeSet<>();
        for (PortBinding b : view.ports()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("IP", b.hostIp());
            item.put("PrivatePort", b.containerPort());
            item.put("PublicPort", b.hostPort());
            item.put("Type", b.protocol());
            ports.add(item);
            published.add(b.portKey());
        }
        if (c.config().exposedPorts() != null) {
            for (String key : new TreeSet<>(c.config().exposedPorts())) {
                if (!published.contains(key)) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("PrivatePort", io.netdock.container.PortSpecs.containerPort(key));
                    item.put("Type", io.netdock.container.PortSpecs.protocol(key));
                    ports.add(item);
                }
            }
        }
        return ports;
    }
}
