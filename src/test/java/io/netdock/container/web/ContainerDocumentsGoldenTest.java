package io.netdock.container.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.api.ApiVersion;
import io.netdock.container.Container;
import io.netdock.container.ContainerConfig;
import io.netdock.container.ContainerState;
import io.netdock.container.ContainerView;
import io.netdock.container.HostSettings;
import io.netdock.container.Link;
import io.netdock.container.PortBindingRequest;
import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.kernel.IpPrefix;
import io.netdock.network.IpamConfig;
import io.netdock.network.IpamSettings;
import io.netdock.network.Network;
import io.netdock.portmap.PortBinding;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Container inspect and list documents, byte for byte, against golden files: a running container with published
 * and exposed ports, a user-defined and the default network, a link, labels, and what the client sent at create.
 * Regenerate a golden file only for an intended change ({@code -Dnetdock.golden.update=true}) and read its diff.
 */
class ContainerDocumentsGoldenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/documents");
    private static final String ID = "4f1c0a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a";
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123456789Z");
    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:06.5Z");

    @Test
    void inspectAtTheNewestVersion() throws IOException {
        assertGolden("container-inspect-1.51.json",
                ContainerDocuments.inspect(view(), Optional.empty(), "/var/lib/netdock", "none", ApiVersion.parse("1.51")));
    }

    @Test
    void inspectAt141() throws IOException {
        assertGolden("container-inspect-1.41.json",
                ContainerDocuments.inspect(view(), Optional.empty(), "/var/lib/netdock", "none", ApiVersion.parse("1.41")));
    }

    /**
     * With processes netdock writes Docker's json-file log, so a container created without a {@code LogConfig}
     * shows {@code json-file} (the golden file differs from {@code container-inspect-1.51.json} only there).
     */
    @Test
    void inspectWithProcessesShowsTheJsonFileLogDriver() throws IOException {
        assertGolden("container-inspect-processes-1.51.json",
                ContainerDocuments.inspect(view(), Optional.empty(), "/var/lib/netdock", "json-file",
                        ApiVersion.parse("1.51")));
    }

    /** Everything the client sent that netdock does not act on, in Go's field order, with dockerd's adjustments. */
    @Test
    void inspectEchoesWhatTheClientSent() throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Healthcheck", Map.of("Test", List.of("CMD", "true")));
        config.put("Volumes", Map.of("/data", Map.of()));
        config.put("OnBuild", List.of("RUN x"));
        config.put("Shell", List.of("/bin/sh", "-c"));
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("CapAdd", List.of("NET_ADMIN"));
        host.put("Devices", List.of(Map.of("PathOnHost", "/dev/null")));
        host.put("PidMode", "host");
        Map<String, Object> ulimit = new LinkedHashMap<>();
        ulimit.put("Name", "nofile");
        ulimit.put("Hard", 2048);
        ulimit.put("Soft", 1024);
        host.put("Ulimits", List.of(ulimit));
        host.put("PidsLimit", 100);
        host.put("Tmpfs", Map.of("/run", "rw"));
        host.put("NanoCpus", 1500000000);
        host.put("ShmSize", 134217728);
        host.put("Memory", 67108864);
        host.put("MemorySwappiness", -1);
        host.put("LogConfig", Map.of("Type", "json-file"));
        host.put("Init", true);
        ContainerView echoed = view(config, host);
        assertGolden("container-inspect-given-1.51.json",
                ContainerDocuments.inspect(echoed, Optional.empty(), "/var/lib/netdock", "none", ApiVersion.parse("1.51")));
    }

    @Test
    void listItem() throws IOException {
        assertGolden("container-list-1.51.json",
                ContainerDocuments.listItem(view(), STARTED.plusSeconds(3700), ApiVersion.parse("1.51")));
    }

    static ContainerView view() {
        return view(Map.of(), Map.of());
    }

    /** A container as {@link #view()}, with what the client sent beyond what netdock acts on. */
    static ContainerView view(Map<String, Object> configGiven, Map<String, Object> hostGiven) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("z.last", "1");
        labels.put("a.first", "2");
        ContainerConfig config = new ContainerConfig("web", "example.org", "1000", false, true, true, false, false,
                false, List.of("A=b", "PATH=/bin"), List.of("httpd", "-f"), List.of("/init"), "busybox:latest", "/srv",
                labels, List.of("8080/tcp", "53/udp"), null, "SIGTERM", 7, configGiven);
        Map<String, List<PortBindingRequest>> bindings = new LinkedHashMap<>();
        bindings.put("8080/tcp", List.of(new PortBindingRequest("", "18080")));
        HostSettings host = new HostSettings("front", bindings, false, List.of("192.0.2.53"), List.of("ndots:2"),
                List.of("example.org"), List.of("db:192.0.2.7"), List.of("/db:/web/database"), false, "on-failure",
                3, null, hostGiven);
        Map<String, EndpointConfig> networks = new LinkedHashMap<>();
        networks.put("front", new EndpointConfig("172.30.0.10", null, null, null, List.of("www"), null,
                Map.of("com.example.opt", "x"), 5));
        networks.put("bridge", EndpointConfig.NONE);
        ContainerState state = new ContainerState(ContainerState.Status.RUNNING, 0, "", STARTED, null, null, false,
                false);
        Container container = new Container(ID, "web", CREATED, "sha256:" + "ab".repeat(32), config, host, networks,
                List.of(new Link("0".repeat(64), "database")), state, 0, "1a2b3c4d5e6f", "/var/run/netdock/1a2b3c4d5e6f",
                List.of("172.30.0.10"));
        Network front = network("9f".repeat(32), "front", "172.30.0.0/16", "172.30.0.1");
        Network bridge = network("8e".repeat(32), "bridge", "172.17.0.0/16", "172.17.0.1");
        List<Endpoint> endpoints = List.of(
                endpoint(front, "e1".repeat(32), "eth0", "02:42:ac:1e:00:0a", "172.30.0.10/16", "172.30.0.1", true),
                endpoint(bridge, "e2".repeat(32), "eth1", "02:42:ac:11:00:02", "172.17.0.2/16", "172.17.0.1", false));
        List<PortBinding> ports = List.of(new PortBinding("0.0.0.0", "tcp", 18080, ID, "8080/tcp", 8080,
                "e1".repeat(32), "br-9f9f9f9f9f9f", "172.30.0.10", 1));
        Map<String, Network> resolved = new LinkedHashMap<>();
        resolved.put("front", front);
        resolved.put("bridge", bridge);
        return new ContainerView(container, endpoints, ports, resolved, List.of("/web2/web"),
                List.of("/db:/web/database"));
    }

    private static Network network(String id, String name, String subnet, String gateway) {
        return new Network(id, name, Network.BRIDGE_DRIVER, "local", CREATED, false, false, false, false, "", true,
                false, new IpamSettings("default", Map.of(), List.of(new IpamConfig(subnet, null, gateway, Map.of(),
                true, true))), Map.of(), Map.of());
    }

    private static Endpoint endpoint(Network network, String endpointId, String iface, String mac, String address,
                                     String gateway, boolean defaultRoute) {
        try {
            return new Endpoint(ID, network.id(), network.name(), endpointId, iface, mac, IpPrefix.parse(address),
                    InetAddress.getByName(gateway), null, null, defaultRoute, 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertGolden(String file, Object document) throws IOException {
        String actual = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("netdock.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (write it with -Dnetdock.golden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
