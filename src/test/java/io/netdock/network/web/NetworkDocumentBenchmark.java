package io.netdock.network.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.network.IpamConfig;
import io.netdock.network.IpamSettings;
import io.netdock.network.Network;
import io.netdock.network.NetworkUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the network document keeps its hand-written writer: a network list's documents written by
 * {@link NetworkResourceWriter} against the same bytes built as {@link DockerDocument}s (netdock's one way to
 * write a document) and written by Jackson. {@code bench/jmh NetworkDocument}. The set-up checks that both give
 * the same bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class NetworkDocumentBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Param("1000")
    int networks;

    List<NetworkResource> resources;

    @Setup
    public void createNetworks() {
        resources = new ArrayList<>(networks);
        Instant created = Instant.parse("2026-11-28T17:17:05.123456789Z");
        for (int i = 0; i < networks; i++) {
            String id = String.format("%064x", i + 1L);
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("com.example.team", "team-" + i % 10);
            labels.put("env", i % 2 == 0 ? "prod" : "dev");
            String subnet = "10." + (i / 256) + "." + (i % 256) + ".0/24";
            Network network = new Network(id, "net-" + i, Network.BRIDGE_DRIVER, "local", created, false, false, false,
                    false, "", true, false, new IpamSettings("default", Map.of(), List.of(new IpamConfig(subnet, null,
                    "10." + (i / 256) + "." + (i % 256) + ".1", Map.of(), true, true))), Map.of(), labels);
            List<NetworkUser> users = List.of(new NetworkUser(String.format("%064x", i + 7L), "c-" + i,
                    String.format("%064x", i + 9L), "02:42:0a:00:00:02", "10.0.0.2/24", ""));
            resources.add(NetworkResource.of(network, users, ApiVersion.parse("1.51")));
        }
        if (!Arrays.equals(handWritten(), asDocuments())) {
            throw new IllegalStateException("the two ways do not write the same bytes");
        }
    }

    @Benchmark
    public byte[] handWritten() {
        return JSON.writeValueAsBytes(resources);
    }

    @Benchmark
    public byte[] asDocuments() {
        return JSON.writeValueAsBytes(resources.stream().map(NetworkDocumentBenchmark::document).toList());
    }

    private static DockerDocument document(NetworkResource n) {
        Map<String, Object> containers = new LinkedHashMap<>();
        n.containers().forEach((id, e) -> containers.put(id, DockerDocument.object()
                .field("Name", e.name())
                .field("EndpointID", e.endpointId())
                .field("MacAddress", e.macAddress())
                .field("IPv4Address", e.ipv4Address())
                .field("IPv6Address", e.ipv6Address())));
        return DockerDocument.object()
                .field("Name", n.name())
                .field("Id", n.id())
                .field("Created", n.created())
                .field("Scope", n.scope())
                .field("Driver", n.driver())
                .omitNull("EnableIPv4", n.enableIpv4())
                .field("EnableIPv6", n.enableIpv6())
                .field("IPAM", DockerDocument.object()
                        .field("Driver", n.ipam().driver())
                        .field("Options", n.ipam().options())
                        .field("Config", n.ipam().config().stream().map(c -> DockerDocument.object()
                                .omitEmpty("Subnet", c.subnet())
                                .omitEmpty("IPRange", c.ipRange())
                                .omitEmpty("Gateway", c.gateway())
                                .omitEmpty("AuxiliaryAddresses", c.auxiliaryAddresses())).toList()))
                .field("Internal", n.internal())
                .field("Attachable", n.attachable())
                .field("Ingress", n.ingress())
                .field("ConfigFrom", DockerDocument.object().field("Network", n.configFrom().network()))
                .field("ConfigOnly", n.configOnly())
                .field("Containers", containers)
                .field("Options", n.options())
                .field("Labels", n.labels());
    }
}
