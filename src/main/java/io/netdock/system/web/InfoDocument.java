package io.netdock.system.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
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

    DockerDocument render(ApiVersion version) {
        HostFacts host = daemon.host();
        DockerDocument info = DockerDocument.object(version);
        info.field("ID", daemon.engineId());
        ContainerCounts counter = containers.getIfAvailable();
        ContainerCounts.Counts counts = counter == null ? ContainerCounts.Counts.NONE : counter.counts();
        info.field("Containers", counts.total());
        info.field("ContainersRunning", counts.running());
        info.field("ContainersPaused", 0);
        info.field("ContainersStopped", counts.stopped());
        ImageCount imageCount = images.getIfAvailable();
        info.field("Images", imageCount == null ? 0 : imageCount.images());
        info.field("Driver", "netdock");
        info.field("DriverStatus", List.of(List.of("Kernel mode", modeName())));
        info.field("Plugins", plugins());
        info.field("MemoryLimit", false);
        info.field("SwapLimit", false);
        info.below("1.42", "KernelMemory", false);
        info.field("KernelMemoryTCP", false);
        info.field("CpuCfsPeriod", false);
        info.field("CpuCfsQuota", false);
        info.field("CPUShares", false);
        info.field("CPUSet", false);
        info.field("PidsLimit", false);
        info.field("IPv4Forwarding", true);
        info.below("1.50", "BridgeNfIptables", false);
        info.below("1.50", "BridgeNfIp6tables", false);
        info.field("Debug", false);
        info.field("NFd", 0);
        info.field("OomKillDisable", false);
        info.field("NGoroutines", Thread.activeCount());
        info.field("SystemTime", Instant.now().toString());
        info.field("LoggingDriver", "none");
        info.field("CgroupDriver", "none");
        info.field("CgroupVersion", "2");
        info.field("NEventsListener", events.listenerCount());
        info.field("KernelVersion", host.kernelVersion());
        info.field("OperatingSystem", host.operatingSystem());
        info.field("OSVersion", host.osVersion());
        info.field("OSType", "linux");
        info.field("Architecture", host.architecture());
        info.field("IndexServerAddress", "https://index.docker.io/v1/");
        info.field("RegistryConfig", registryConfig(version));
        info.field("NCPU", host.cpus());
        info.field("MemTotal", host.memoryBytes());
        info.field("GenericResources", null);
        info.field("DockerRootDir", daemon.rootDirectory());
        info.field("HttpProxy", "");
        info.field("HttpsProxy", "");
        info.field("NoProxy", "");
        info.field("Name", host.hostname());
        info.field("Labels", List.of());
        info.field("ExperimentalBuild", false);
        info.field("ServerVersion", identity.version());
        info.field("Runtimes", Map.of("netdock", Map.of("path", "netdock")));
        info.field("DefaultRuntime", "netdock");
        info.field("Swarm", swarm());
        info.field("LiveRestoreEnabled", true);
        info.field("Isolation", "");
        info.field("InitBinary", "");
        info.field("ContainerdCommit", commit(version));
        info.field("RuncCommit", commit(version));
        info.field("InitCommit", commit(version));
        info.field("SecurityOptions", List.of());
        info.omitEmpty("DefaultAddressPools", configuredPools());
        info.since("1.49", "FirewallBackend", DockerDocument.object().field("Driver",
                kernel.mode() == KernelProperties.Mode.LINUX ? "nftables" : "simulated"));
        info.since("1.50", "DiscoveredDevices", List.of());
        info.field("Warnings", null);
        return info;
    }

    /** Docker lists {@code default-address-pools} only when the daemon was given some. */
    private List<DockerDocument> configuredPools() {
        List<IpamProperties.PoolSpec> pools = ipam.defaultAddressPools();
        if (pools == null) {
            return List.of();
        }
        return pools.stream().map(pool -> DockerDocument.object().field("Base", pool.base()).field("Size", pool.size()))
                .toList();
    }

    private String modeName() {
        return kernel.mode().name().toLowerCase();
    }

    private static DockerDocument plugins() {
        return DockerDocument.object()
                .field("Volume", List.of())
                .field("Network", List.of("bridge", "host", "null"))
                .field("Authorization", null)
                .field("Log", List.of());
    }

    private static DockerDocument registryConfig(ApiVersion version) {
        DockerDocument dockerIo = DockerDocument.object()
                .field("Name", "docker.io")
                .field("Mirrors", List.of())
                .field("Secure", true)
                .field("Official", true);
        return DockerDocument.object(version)
                .below("1.49", "AllowNondistributableArtifactsCIDRs", List.of())
                .below("1.49", "AllowNondistributableArtifactsHostnames", List.of())
                .field("InsecureRegistryCIDRs", List.of("127.0.0.0/8"))
                .field("IndexConfigs", Map.of("docker.io", dockerIo))
                .field("Mirrors", List.of());
    }

    private static DockerDocument swarm() {
        return DockerDocument.object()
                .field("NodeID", "")
                .field("NodeAddr", "")
                .field("LocalNodeState", "inactive")
                .field("ControlAvailable", false)
                .field("Error", "")
                .field("RemoteManagers", null);
    }

    private static DockerDocument commit(ApiVersion version) {
        return DockerDocument.object(version).field("ID", "").below("1.49", "Expected", "");
    }
}
