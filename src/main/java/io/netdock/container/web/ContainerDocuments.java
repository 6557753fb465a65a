package io.netdock.container.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.container.Container;
import io.netdock.container.ContainerConfig;
import io.netdock.container.ContainerState;
import io.netdock.container.ContainerView;
import io.netdock.container.HostSettings;
import io.netdock.container.PortBindingRequest;
import io.netdock.container.PortSpecs;
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

    /** dockerd's {@code ShmSize} when the client leaves it zero: 64 MiB. */
    private static final long DEFAULT_SHM_SIZE = 64L * 1024 * 1024;

    private ContainerDocuments() {
    }

    /**
     * @param logDriver the log driver of a container created without one: {@link ContainerProcesses#logDriver()}
     */
    static DockerDocument inspect(ContainerView view, Optional<Container> namespaceOwner, String stateDir,
                                  String logDriver, ApiVersion version) {
        Container c = view.container();
        boolean started = c.state().startedAt() != null;
        Container files = namespaceOwner.orElse(c);
        String dir = stateDir + "/containers/" + files.id() + "/";
        String log = stateDir + "/containers/" + c.id() + "/" + c.id() + "-json.log";
        return DockerDocument.object()
                .field("Id", c.id())
                .field("Created", GoTime.formatOrZero(c.created()))
                .field("Path", c.config().path())
                .field("Args", c.config().args())
                .field("State", state(c.state()))
                .field("Image", imageId(c))
                .field("ResolvConfPath", started ? dir + "resolv.conf" : "")
                .field("HostnamePath", started ? dir + "hostname" : "")
                .field("HostsPath", started ? dir + "hosts" : "")
                .field("LogPath", java.nio.file.Files.exists(java.nio.file.Path.of(log)) ? log : "")
                .field("Name", "/" + c.name())
                .field("RestartCount", c.restartCount())
                .field("Driver", "netdock")
                .field("Platform", "linux")
                .field("MountLabel", "")
                .field("ProcessLabel", "")
                .field("AppArmorProfile", "")
                .field("ExecIDs", null)
                .field("HostConfig", hostConfig(c.host(), view.hostLinks(), logDriver))
                .field("GraphDriver", DockerDocument.object().field("Data", Map.of()).field("Name", "netdock"))
                .field("Mounts", List.of())
                .field("Config", config(c.config(), version))
                .field("NetworkSettings", networkSettings(view, version));
    }

    static DockerDocument listItem(ContainerView view, Instant now, ApiVersion version) {
        Container c = view.container();
        List<String> names = new ArrayList<>();
        names.add("/" + c.name());
        names.addAll(view.linkNames());
        names.sort(null); // dockerd lists them from its name index, in byte order
        Map<String, Object> networks = new LinkedHashMap<>();
        c.networks().forEach((key, config) -> networks.put(key, endpointSettings(view, key, config, version, true)));
        return DockerDocument.object()
                .field("Id", c.id())
                .field("Names", names)
                .field("Image", c.config().image())
                .field("ImageID", imageId(c))
                .field("Command", String.join(" ", c.config().commandLine()))
                .field("Created", c.created().getEpochSecond())
                .field("Ports", listPorts(view))
                .field("Labels", DockerDocument.goMap(c.labels()))
                .field("State", c.state().statusText())
                .field("Status", status(c.state(), now))
                .field("HostConfig", DockerDocument.object().field("NetworkMode", c.host().networkMode()))
                .field("NetworkSettings", DockerDocument.object().field("Networks", DockerDocument.goMap(networks)))
                .field("Mounts", List.of());
    }

    static String status(ContainerState state, Instant now) {
        return switch (state.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanDuration.of(Duration.between(state.startedAt(), now))
                    + (state.paused() ? " (Paused)" : "");
            case EXITED -> "Exited (" + state.exitCode() + ") "
                    + HumanDuration.of(Duration.between(state.finishedAt(), now)) + " ago";
        };
    }

    /** The emulated image's ID recorded at create (the image module derives it from the reference). */
    static String imageId(Container container) {
        return container.imageId() == null ? "" : container.imageId();
    }

    private static DockerDocument state(ContainerState state) {
        return DockerDocument.object()
                .field("Status", state.statusText())
                .field("Running", state.isRunning())
                .field("Paused", state.paused())
                .field("Restarting", false)
                .field("OOMKilled", false)
                .field("Dead", false)
                .field("Pid", state.process() == null ? 0 : state.process().pid())
                .field("ExitCode", state.exitCode())
                .field("Error", state.error())
                .field("StartedAt", GoTime.formatOrZero(state.startedAt()))
                .field("FinishedAt", GoTime.formatOrZero(state.finishedAt()));
    }

    /** Docker's {@code container.Config}: what netdock keeps of it, and the rest as the client sent it. */
    private static DockerDocument config(ContainerConfig c, ApiVersion version) {
        Given given = new Given(c.asGiven());
        return DockerDocument.object()
                .field("Hostname", c.hostname())
                .field("Domainname", c.domainname())
                .field("User", c.user())
                .field("AttachStdin", c.attachStdin())
                .field("AttachStdout", c.attachStdout())
                .field("AttachStderr", c.attachStderr())
                .omitEmpty("ExposedPorts", exposedPorts(c.exposedPorts()))
                .field("Tty", c.tty())
                .field("OpenStdin", c.openStdin())
                .field("StdinOnce", c.stdinOnce())
                .field("Env", c.env())
                .field("Cmd", c.cmd())
                .omitEmpty("Healthcheck", given.value("Healthcheck"))
                .omitEmpty("ArgsEscaped", given.value("ArgsEscaped"))
                .field("Image", c.image())
                .field("Volumes", emptyToNull(given.map("Volumes")))
                .field("WorkingDir", c.workingDir())
                .field("Entrypoint", c.entrypoint())
                .omitEmpty("NetworkDisabled", given.value("NetworkDisabled"))
                .omitEmpty("MacAddress", version.below("1.52") ? c.macAddress() : null)
                .field("OnBuild", given.value("OnBuild"))
                .field("Labels", c.labels() == null ? Map.of() : DockerDocument.goMap(c.labels()))
                .omitEmpty("StopSignal", c.stopSignal())
                .omitNull("StopTimeout", c.stopTimeout())
                .omitEmpty("Shell", given.value("Shell"));
    }

    /** dockerd shows a {@code Volumes} sent empty as {@code null} (observed on 20.10). */
    private static Map<String, Object> emptyToNull(Map<String, Object> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static Map<String, Object> exposedPorts(List<String> keys) {
        Map<String, Object> exposed = new LinkedHashMap<>();
        if (keys != null) {
            keys.forEach(key -> exposed.put(key, Map.of()));
        }
        return DockerDocument.goMap(exposed);
    }

    /**
     * Docker's {@code container.HostConfig}: the networking and lifecycle fields from what netdock acts on, every
     * other field as the client sent it, with Docker's defaults and the adjustments dockerd makes at create (a zero
     * {@code ShmSize} is 64 MiB, {@code MemorySwap} twice a set {@code Memory}, a {@code PidsLimit} of 0 or less and a
     * {@code MemorySwappiness} of -1 unset).
     */
    private static DockerDocument hostConfig(HostSettings h, List<String> links, String logDriver) {
        Given given = new Given(h.asGiven());
        long memory = given.number("Memory");
        long swap = given.number("MemorySwap");
        return DockerDocument.object()
                .field("Binds", given.value("Binds"))
                .field("ContainerIDFile", given.text("ContainerIDFile", ""))
                .field("LogConfig", logConfig(given, logDriver))
                .field("NetworkMode", h.networkMode())
                .field("PortBindings", portBindings(h.portBindings()))
                .field("RestartPolicy", DockerDocument.object()
                        .field("Name", h.restartPolicy() == null || h.restartPolicy().isEmpty() ? "no"
                                : h.restartPolicy())
                        .field("MaximumRetryCount", h.maximumRetryCount()))
                .field("AutoRemove", h.autoRemove())
                .field("VolumeDriver", given.text("VolumeDriver", ""))
                .field("VolumesFrom", given.value("VolumesFrom"))
                .field("ConsoleSize", given.value("ConsoleSize", List.of(0, 0)))
                .omitEmpty("Annotations", given.map("Annotations"))
                .field("CapAdd", given.value("CapAdd"))
                .field("CapDrop", given.value("CapDrop"))
                .field("CgroupnsMode", given.text("CgroupnsMode", "private"))
                .field("Dns", h.dns())
                .field("DnsOptions", h.dnsOptions())
                .field("DnsSearch", h.dnsSearch())
                .field("ExtraHosts", h.extraHosts())
                .field("GroupAdd", given.value("GroupAdd"))
                .field("IpcMode", given.text("IpcMode", "private"))
                .field("Cgroup", given.text("Cgroup", ""))
                .field("Links", links.isEmpty() ? null : links)
                .field("OomScoreAdj", given.number("OomScoreAdj"))
                .field("PidMode", given.text("PidMode", ""))
                .field("Privileged", given.bool("Privileged"))
                .field("PublishAllPorts", h.publishAllPorts())
                .field("ReadonlyRootfs", given.bool("ReadonlyRootfs"))
                .field("SecurityOpt", given.value("SecurityOpt"))
                .omitEmpty("StorageOpt", given.map("StorageOpt"))
                .omitEmpty("Tmpfs", given.map("Tmpfs"))
                .field("UTSMode", given.text("UTSMode", ""))
                .field("UsernsMode", given.text("UsernsMode", ""))
                .field("ShmSize", given.number("ShmSize") == 0 ? DEFAULT_SHM_SIZE : given.value("ShmSize"))
                .omitEmpty("Sysctls", given.map("Sysctls"))
                .field("Runtime", "netdock")
                .field("Isolation", given.text("Isolation", ""))
                .field("CpuShares", given.number("CpuShares"))
                .field("Memory", given.number("Memory"))
                .field("NanoCpus", given.number("NanoCpus"))
                .field("CgroupParent", given.text("CgroupParent", ""))
                .field("BlkioWeight", given.number("BlkioWeight"))
                .field("BlkioWeightDevice", given.value("BlkioWeightDevice"))
                .field("BlkioDeviceReadBps", given.value("BlkioDeviceReadBps"))
                .field("BlkioDeviceWriteBps", given.value("BlkioDeviceWriteBps"))
                .field("BlkioDeviceReadIOps", given.value("BlkioDeviceReadIOps"))
                .field("BlkioDeviceWriteIOps", given.value("BlkioDeviceWriteIOps"))
                .field("CpuPeriod", given.number("CpuPeriod"))
                .field("CpuQuota", given.number("CpuQuota"))
                .field("CpuRealtimePeriod", given.number("CpuRealtimePeriod"))
                .field("CpuRealtimeRuntime", given.number("CpuRealtimeRuntime"))
                .field("CpusetCpus", given.text("CpusetCpus", ""))
                .field("CpusetMems", given.text("CpusetMems", ""))
                .field("Devices", given.value("Devices"))
                .field("DeviceCgroupRules", given.value("DeviceCgroupRules"))
                .field("DeviceRequests", given.value("DeviceRequests"))
                .omitEmpty("KernelMemory", given.value("KernelMemory"))
                .omitEmpty("KernelMemoryTCP", given.value("KernelMemoryTCP"))
                .field("MemoryReservation", given.number("MemoryReservation"))
                .field("MemorySwap", memory > 0 && swap == 0 ? 2 * memory : swap)
                .field("MemorySwappiness", given.number("MemorySwappiness") == -1 ? null
                        : given.value("MemorySwappiness"))
                .field("OomKillDisable", given.bool("OomKillDisable"))
                .field("PidsLimit", given.number("PidsLimit") <= 0 ? null : given.value("PidsLimit"))
                .field("Ulimits", given.value("Ulimits"))
                .field("CpuCount", given.number("CpuCount"))
                .field("CpuPercent", given.number("CpuPercent"))
                .field("IOMaximumIOps", given.number("IOMaximumIOps"))
                .field("IOMaximumBandwidth", given.number("IOMaximumBandwidth"))
                .omitEmpty("Mounts", given.value("Mounts"))
                .field("MaskedPaths", given.value("MaskedPaths"))
                .field("ReadonlyPaths", given.value("ReadonlyPaths"))
                .omitEmpty("Init", given.value("Init"));
    }

    /** The log driver as given; none given is the one netdock uses ({@code logDriver}). */
    private static DockerDocument logConfig(Given given, String logDriver) {
        Object raw = given.value("LogConfig");
        Given log = new Given(raw instanceof Map<?, ?> map ? castMap(map) : Map.of());
        return DockerDocument.object()
                .field("Type", log.text("Type", logDriver))
                .field("Config", log.map("Config") == null ? Map.of() : log.map("Config"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> portBindings(Map<String, List<PortBindingRequest>> bindings) {
        if (bindings == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        bindings.forEach((key, list) -> doc.put(key, list.stream()
                .map(b -> portBinding(b.hostIp(), b.hostPort())).toList()));
        return DockerDocument.goMap(doc);
    }

    private static DockerDocument portBinding(String hostIp, String hostPort) {
        return DockerDocument.object().field("HostIp", hostIp).field("HostPort", hostPort);
    }

    private static DockerDocument networkSettings(ContainerView view, ApiVersion version) {
        Container c = view.container();
        Optional<Endpoint> bridge = c.isRunning() ? view.endpointOn("bridge") : Optional.empty();
        Map<String, Object> networks = new LinkedHashMap<>();
        c.networks().forEach((key, config) -> networks.put(key, endpointSettings(view, key, config, version, false)));
        return DockerDocument.object()
                .field("Bridge", "")
                .field("SandboxID", c.sandboxId())
                .field("HairpinMode", false)
                .field("LinkLocalIPv6Address", "")
                .field("LinkLocalIPv6PrefixLen", 0)
                .field("Ports", inspectPorts(view))
                .field("SandboxKey", c.sandboxKey())
                .field("SecondaryIPAddresses", null)
                .field("SecondaryIPv6Addresses", null)
                .field("EndpointID", bridge.map(Endpoint::endpointId).orElse(""))
                .field("Gateway", bridge.map(Endpoint::gatewayV4Text).orElse(""))
                .field("GlobalIPv6Address", bridge.map(Endpoint::ipv6Address).orElse(""))
                .field("GlobalIPv6PrefixLen", bridge.map(Endpoint::ipv6PrefixLength).orElse(0))
                .field("IPAddress", bridge.map(Endpoint::ipv4Address).orElse(""))
                .field("IPPrefixLen", bridge.map(Endpoint::ipv4PrefixLength).orElse(0))
                .field("IPv6Gateway", bridge.map(Endpoint::gatewayV6Text).orElse(""))
                .field("MacAddress", bridge.map(Endpoint::macAddress).orElse(""))
                .field("Networks", DockerDocument.goMap(networks));
    }

    /** Docker's {@code EndpointSettings}; {@code MacAddress} and {@code DriverOpts} moved up in API 1.44. */
    static DockerDocument endpointSettings(ContainerView view, String key, EndpointConfig config,
                                           ApiVersion version, boolean listItem) {
        Container c = view.container();
        Network network = view.networks().get(key);
        Optional<Endpoint> endpoint = c.isRunning() ? view.endpointOn(key) : Optional.empty();
        boolean userDefined = network != null && !network.isPredefined();
        boolean everAttached = c.isRunning() || c.state().startedAt() != null;
        // the endpoint's while it exists, else the one asked for (connect or create), as Docker 25+ shows it
        String mac = endpoint.map(Endpoint::macAddress).orElse(config.macAddress() == null ? "" : config.macAddress());
        return DockerDocument.object(version)
                .field("IPAMConfig", ipamConfig(config))
                .field("Links", config.links() == null || config.links().isEmpty() ? null : config.links())
                .field("Aliases", listItem ? null : aliases(c, config, userDefined && everAttached, version))
                .since("1.44", "MacAddress", mac)
                .since("1.44", "DriverOpts", config.driverOpts())
                .since("1.48", "GwPriority", config.gwPriority())
                .field("NetworkID", network != null && everAttached ? network.id() : "")
                .field("EndpointID", endpoint.map(Endpoint::endpointId).orElse(""))
                .field("Gateway", endpoint.map(Endpoint::gatewayV4Text).orElse(""))
                .field("IPAddress", endpoint.map(Endpoint::ipv4Address).orElse(""))
                .field("IPPrefixLen", endpoint.map(Endpoint::ipv4PrefixLength).orElse(0))
                .field("IPv6Gateway", endpoint.map(Endpoint::gatewayV6Text).orElse(""))
                .field("GlobalIPv6Address", endpoint.map(Endpoint::ipv6Address).orElse(""))
                .field("GlobalIPv6PrefixLen", endpoint.map(Endpoint::ipv6PrefixLength).orElse(0))
                .since("1.44", "DNSNames", userDefined && endpoint.isPresent() ? c.dnsNames(config) : null)
                .below("1.44", "MacAddress", mac)
                .below("1.44", "DriverOpts", config.driverOpts());
    }

    private static DockerDocument ipamConfig(EndpointConfig config) {
        if (!config.hasIpamConfig()) {
            return null;
        }
        return DockerDocument.object()
                .omitEmpty("IPv4Address", config.ipv4Address())
                .omitEmpty("IPv6Address", config.ipv6Address())
                .omitEmpty("LinkLocalIPs", config.linkLocalIps());
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
        Map<String, List<DockerDocument>> bound = new LinkedHashMap<>();
        for (PortBinding b : view.ports()) {
            bound.computeIfAbsent(b.portKey(), k -> new ArrayList<>())
                    .add(portBinding(b.hostIp(), Integer.toString(b.hostPort())));
        }
        if (c.config().exposedPorts() != null) {
            c.config().exposedPorts().forEach(key -> ports.put(key, null));
        }
        ports.putAll(bound);
        return DockerDocument.goMap(ports);
    }

    /** Docker's {@code Port}: published ones with their host side, then exposed ones without ({@code omitempty}). */
    private static List<DockerDocument> listPorts(ContainerView view) {
        List<DockerDocument> ports = new ArrayList<>();
        Container c = view.container();
        if (!c.isRunning() || c.mode().sharesNamespace()) {
            return ports;
        }
        TreeSet<String> published = new TreeSet<>();
        for (PortBinding b : view.ports()) {
            ports.add(DockerDocument.object()
                    .field("IP", b.hostIp())
                    .field("PrivatePort", b.containerPort())
                    .field("PublicPort", b.hostPort())
                    .field("Type", b.protocol()));
            published.add(b.portKey());
        }
        if (c.config().exposedPorts() != null) {
            for (String key : new TreeSet<>(c.config().exposedPorts())) {
                if (!published.contains(key)) {
                    ports.add(DockerDocument.object()
                            .field("PrivatePort", PortSpecs.containerPort(key))
                            .field("Type", PortSpecs.protocol(key)));
                }
            }
        }
        return ports;
    }
}
