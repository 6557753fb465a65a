package io.netdock.system.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.ServerIdentity;
import io.netdock.events.EventLog;
import io.netdock.ipam.IpamProperties;
import io.netdock.system.ContainerCounts;
import io.netdock.system.ImageCount;
import org.springframework.beans.factory.ObjectProvider;
import io.netdock.kernel.KernelProperties;
import io.netdock.system.Daemon;
import io.netdock.system.HostFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code GET /info} in dockerd's field order, with the fields each API version has. Values that describe
 * container runtimes netdock does not have are reported the way a plain dockerd reports them.
 */
@Component
class InfoDocument {

    private final Daemon daemon;
    private final ServerIdentity identity;
    private final KernelProperties kernel;
    private final EventLog events;
    private final IpamProperties ipam;
    private final ObjectProvider<ContainerCounts> containers;
    private final ObjectProvider<ImageCount> images;

    InfoDocument(Daemon daemon, ServerIdentity identity, KernelProperties kernel, EventLog events,
                 IpamProperties ipam, ObjectProvider<ContainerCounts> containers, ObjectProvider<ImageCount> images) {
        this.images = images;
        this.ipam = ipam;
        this.daemon = daemon;
        this.containers = containers;
        this.identity = identity;
        this.kernel = kernel;
        this.events = events;
    }

    Map<String, Object> render(ApiVersion version) {
        HostFacts host = daemon.host();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ID", daemon.engineId());
        ContainerCounts counter = containers.getIfAvailable();
        ContainerCounts.Counts counts = counter == null ? ContainerCounts.Counts.NONE : counter.counts();
        info.put("Containers", counts.total());
        info.put("ContainersRunning", counts.running());
        info.put("ContainersPaused", 0);
        info.put("ContainersStopped", counts.stopped());
        ImageCount imageCount = images.getIfAvailable();
        info.put("Images", imageCount == null ? 0 : imageCount.images());
        info.put("Driver", "netdock");
        info.put("DriverStatus", List.of(List.of("Kernel mode", modeName())));
        info.put("Plugins", plugins());
        info.put("MemoryLimit", false);
        info.put("SwapLimit", false);
        if (version.below("1.42")) {
            info.put("KernelMemory", false);
        }
        info.put("KernelMemoryTCP", false);
        info.put("CpuCfsPeriod", false);
        info.put("CpuCfsQuota", false);
        info.put("CPUShares", false);
        info.put("CPUSet", false);
        info.put("PidsLimit", false);
        info.put("IPv4Forwarding", true);
        if (version.below("1.50")) {
            info.put("BridgeNfIptables", false);
            info.put("BridgeNfIp6tables", false);
        }
        info.put("Debug", false);
        info.put("NFd", 0);
        info.put("OomKillDisable", false);
        info.put("NGoroutines", Thread.activeCount());
        info.put("SystemTime", Instant.now().toString());
        info.put("LoggingDriver", "none");
        info.put("CgroupDriver", "none");
        info.put("CgroupVersion", "2");
        info.put("NEventsListener", events.listenerCount());
        info.put("KernelVersion", host.kernelVersion());
        info.put("OperatingSystem", host.operatingSystem());
        info.put("OSVersion", host.osVersion());
        info.put("OSType", "linux");
        info.put("Architecture", host.architecture());
        info.put("IndexServerAddress", "https://index.docker.io/v1/");
        info.put("RegistryConfig", registryConfig(version));
        info.put("NCPU", host.cpus());
        info.put("MemTotal", host.memoryBytes());
        info.put("GenericResources", null);
        info.put("DockerRootDir", daemon.rootDirectory());
        info.put("HttpProxy", "");
        info.put("HttpsProxy", "");
        info.put("NoProxy", "");
        info.put("Name", host.hostname());
        info.put("Labels", List.of());
        info.put("ExperimentalBuild", false);
        info.put("ServerVersion", identity.version());
        info.put("Runtimes", Map.of("netdock", Map.of("path", "netdock")));
        info.put("DefaultRuntime", "netdock");
        info.put("Swarm", swarm());
        info.put("LiveRestoreEnabled", true);
        info.put("Isolation", "");
        info.put("InitBinary", "");
        info.put("ContainerdCommit", commit(version));
        info.put("RuncCommit", commit(version));
        info.put("InitCommit", commit(version));
        info.put("SecurityOptions", List.of());
        if (!configuredPools().isEmpty()) {
            info.put("DefaultAddressPools", configuredPools());
        }
        if (version.atLeast("1.49")) {
            info.put("FirewallBackend", Map.of("Driver", kernel.mode() == KernelProperties.Mode.LINUX
                    ? "nftables" : "simulated"));
        }
        if (version.atLeast("1.50")) {
            info.put("DiscoveredDevices", List.of());
        }
        info.put("Warnings", null);
        return info;
    }

    /** Docker lists {@code default-address-pools} only when the daemon was given some. */
    private List<Map<String, Object>> configuredPools() {
        List<IpamProperties.PoolSpec> pools = ipam.defaultAddressPools();
        if (pools == null) {
            return List.of();
        }
        return pools.stream().map(pool -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Base", pool.base());
            entry.put("Size", pool.size());
            return entry;
        }).toList();
    }

    private String modeName() {
        return kernel.mode().name().toLowerCase();
    }

    private static Map<String, Object> plugins() {
        Map<String, Object> plugins = new LinkedHashMap<>();
        plugins.put("Volume", List.of());
        plugins.put("Network", List.of("bridge", "host", "null"));
        plugins.put("Authorization", null);
        plugins.put("Log", List.of());
        return plugins;
    }

    private static Map<String, Object> registryConfig(ApiVersion version) {
        Map<String, Object> registry = new LinkedHashMap<>();
        if (version.below("1.49")) {
            registry.put("AllowNondistributableArtifactsCIDRs", List.of());
            registry.put("AllowNondistributableArtifactsHostnames", List.of());
        }
        registry.put("InsecureRegistryCIDRs", List.of("127.0.0.0/8"));
        Map<String, Object> dockerIo = new LinkedHashMap<>();
        dockerIo.put("Name", "docker.io");
        dockerIo.put("Mirrors", List.of());
        dockerIo.put("Secure", true);
        dockerIo.put("Official", true);
        registry.put("IndexConfigs", Map.of("docker.io", dockerIo));
        registry.put("Mirrors", List.of());
        return registry;
    }

    private static Map<String, Object> swarm() {
        Map<String, Object> swarm = new LinkedHashMap<>();
        swarm.put("NodeID", "");
        swarm.put("NodeAddr", "");
        swarm.put("LocalNodeState", "inactive");
        swarm.put("ControlAvailable", false);
        swarm.put("Error", "");
        swarm.put("RemoteManagers", null);
        return swarm;
    }

    private static Map<String, Object> commit(ApiVersion version) {
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("ID", "");
        if (version.below("1.49")) {
            commit.put("Expected", "");
        }
        return commit;
    }
}
