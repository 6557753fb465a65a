package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.kernel.bridge.Names;
import io.netdock.kernel.linux.EchoServer;
import io.netdock.kernel.spi.LinkGroups;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayHost;
import io.netdock.testing.ThrowawayNamespace;
import io.netdock.testing.UnixSocketClient;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * netdock in linux mode as a child process ({@code java -jar target/netdock.jar}), killed with SIGKILL in the middle
 * of a burst of operations from several clients, then started again: everything the database says exists is in the
 * kernel, everything netdock owns that the database does not know is gone (including orphans made on purpose while
 * it was dead), and no container a client saw start has lost its endpoints.
 */
@RealKernel
class CrashRecoveryKernelIT {

    private static final Path JAR = Path.of("target/netdock.jar").toAbsolutePath();
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    private static final int BURST_CLIENTS = 3;
    private static final int ANSWERED_BEFORE_KILL = 40;
    private static final String ORPHAN_NETWORK = "0".repeat(64);
    private static final String ORPHAN_SANDBOX = "0rphan000000";

    private ThrowawayHost host;
    private Process netdock;
    private UnixSocketClient client;

    @BeforeEach
    void createHost() {
        host = ThrowawayHost.created("ndk-crash");
    }

    @AfterEach
    void stopAndRemove() throws Exception {
        if (client != null) {
            client.close();
        }
        if (netdock != null) {
            netdock.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }
        host.close();
    }

    @Test
    void afterKillDashNineTheKernelIsWhatTheDatabaseSaysAndNoEndpointIsLost() throws Exception {
        start("first.log");
        post("/networks/create", "{\"Name\":\"k1\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.252.0.0/24\"}]}}", 201);
        post("/networks/create", "{\"Name\":\"k2\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.253.0.0/24\"}]}}", 201);
        run("s1", "{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":\"k1\","
                + "\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"18081\"}]}}}");
        run("s2", "{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":\"k2\","
                + "\"PublishAllPorts\":true}}");
        run("s3", "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"k1\"}}");
        post("/networks/k2/connect", "{\"Container\":\"s3\"}", 200);
        run("s4", "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        run("s5", "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"container:s1\"}}");
        run("s6", "{\"Image\":\"busybox\"}");
        Map<String, Object> before = new HashMap<>();
        for (String name : List.of("s1", "s2", "s3", "s4", "s5", "s6")) {
            before.put(name, inspect(name).getMap("NetworkSettings"));
        }

        Map<String, Progress> burst = burstThenKill();
        makeOrphans();
        start("second.log");

        for (String name : List.of("s1", "s2", "s3", "s4", "s5", "s6")) {
            JsonPath after = inspect(name);
            assertThat(after.getBoolean("State.Running")).as(name).isTrue();
            assertThat(after.getMap("NetworkSettings")).as(name).isEqualTo(before.get(name));
        }
        burst.forEach((container, progress) -> {
            if (progress.mustRun()) {
                assertThat(inspect(container).getBoolean("State.Running")).as(container + " " + progress).isTrue();
            } else if (progress.mustNotRun() && !progress.acknowledged().equals("network")) {
                assertThat(inspect(container).getBoolean("State.Running")).as(container + " " + progress).isFalse();
            }
        });
        settle();
        assertKernelIsWhatTheDatabaseSays();
        assertThat(host.ip("-o", "link", "show")).doesNotContain("orphan");
        assertThat(host.netnsDirectory().resolve(ORPHAN_SANDBOX)).doesNotExist();
        assertThat(host.ruleset()).doesNotContain(ORPHAN_NETWORK, "18999");

        JsonPath web = inspect("s1");
        try (EchoServer server = EchoServer.start(Path.of(web.getString("NetworkSettings.SandboxKey")),
                web.getString("NetworkSettings.Networks.k1.IPAddress"), 80, "s1")) {
            assertThat(EchoServer.fetch(host.hostKey(), "127.0.0.1", 18081, 5_000)).isEqualTo("hello from s1 to 10.252.0.1");
        }
    }

    /** Where a burst client got with one container when netdock died. */
    private record Progress(String acknowledged, String inFlight) {

        /** The container must be running: a client saw it start, and nobody asked to stop it. */
        boolean mustRun() {
            return Set.of("start", "connect", "disconnect").contains(acknowledged) && !inFlight.equals("stop");
        }

        /** The container must not be running: a client never saw it start, or saw it stop. */
        boolean mustNotRun() {
            return Set.of("network", "create").contains(acknowledged) && !inFlight.equals("start")
                    || acknowledged.equals("stop");
        }
    }

    /**
     * Clients create networks and containers, start them with a published port, connect and disconnect them, and
     * stop every second one, until enough requests were answered; then netdock gets SIGKILL.
     *
     * @return per burst container, the last request answered and the one the kill interrupted
     */
    private Map<String, Progress> burstThenKill() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        Map<String, Progress> progress = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(BURST_CLIENTS);
        for (int c = 0; c < BURST_CLIENTS; c++) {
            int clientNumber = c;
            clients.submit(() -> {
                try (UnixSocketClient burst = new UnixSocketClient(socket())) {
                    for (int i = 0; ; i++) {
                        String name = "burst-" + clientNumber + "-" + i;
                        List<String[]> steps = new ArrayList<>(List.of(
                                new String[] {"network", "/networks/create", "{\"Name\":\"" + name + "\"}"},
                                new String[] {"create", "/containers/create?name=" + name, "{\"Image\":\"busybox\","
                                        + "\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":\"" + name
                                        + "\",\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"\"}]}}}"},
                                new String[] {"start", "/containers/" + name + "/start", ""},
                                new String[] {"connect", "/networks/k1/connect", "{\"Container\":\"" + name + "\"}"},
                                new String[] {"disconnect", "/networks/k1/disconnect", "{\"Container\":\"" + name + "\"}"}));
                        if (i % 2 == 1) {
                            steps.add(new String[] {"stop", "/containers/" + name + "/stop?t=0", ""});
                        }
                        String done = "";
                        for (String[] step : steps) {
                            progress.put(name, new Progress(done, step[0]));
                            int status = burst.post(step[1], step[2]).getStatus();
                            if (status < 200 || status > 204) {
                                unexpected.add(step[0] + " " + name + ": " + status);
                                return null;
                            }
                            done = step[0];
                            progress.put(name, new Progress(done, ""));
                            answered.incrementAndGet();
                        }
                    }
                } catch (IllegalStateException netdockDied) {
                    return null; // the request the kill interrupted
                }
            });
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> answered.get() >= ANSWERED_BEFORE_KILL
                || !unexpected.isEmpty());
        netdock.destroyForcibly();
        assertThat(netdock.waitFor(1, TimeUnit.MINUTES)).isTrue();
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(unexpected).isEmpty();
        client.close();
        client = null;
        return progress;
    }

    /** While netdock is dead: a bridge, a veth, a sandbox and nftables rules of netdock's that nobody knows. */
    private void makeOrphans() throws IOException {
        host.ip("link", "add", "br-orphan0000", "group", Integer.toString(LinkGroups.OWNED), "type", "bridge");
        host.ip("link", "add", "vethorphan0", "group", Integer.toString(LinkGroups.OWNED), "type", "veth", "peer",
                "name", "vethorphan1");
        String scratch = "ndk-orph-" + UUID.randomUUID().toString().substring(0, 8);
        ThrowawayNamespace.run("ip", "netns", "add", scratch);
        Path sandbox = host.netnsDirectory().resolve(ORPHAN_SANDBOX);
        Files.createFile(sandbox);
        ThrowawayNamespace.run("mount", "--bind", "/run/netns/" + scratch, sandbox.toString());
        ThrowawayNamespace.run("ip", "netns", "del", scratch);
        host.inHost("nft", "add", "rule", "inet", "netdock", "forward", "iifname", "\"br-orphan0000\"", "drop",
                "comment", "\"netdock network " + ORPHAN_NETWORK + "\"");
        host.inHost("nft", "add", "rule", "inet", "netdock", "published", "tcp", "dport", "18999", "dnat", "ip", "to",
                "10.252.0.99:80", "comment", "\"netdock port " + "e".repeat(64) + " tcp 0.0.0.0 18999\"");
    }

    /**
     * What the API says (networks, running containers with their sandboxes, endpoints and published ports) is exactly
     * what {@code ip} and {@code nft} show in the host namespace and in the sandboxes.
     */
    private void assertKernelIsWhatTheDatabaseSays() throws IOException {
        Set<String> bridges = new TreeSet<>();
        Set<String> networkIds = new TreeSet<>();
        Map<String, String> bridgeOfNetwork = new HashMap<>();
        for (Map<String, Object> network : JsonPath.from(get("/networks")).<Map<String, Object>>getList("")) {
            if (network.get("Driver").equals("bridge")) {
                String id = (String) network.get("Id");
                @SuppressWarnings("unchecked")
                Map<String, String> options = (Map<String, String>) network.get("Options");
                String bridge = options.getOrDefault("com.docker.network.bridge.name", "br-" + id.substring(0, 12));
                bridges.add(bridge);
                networkIds.add(id);
                bridgeOfNetwork.put(id, bridge);
            }
        }
        Set<String> sandboxes = new TreeSet<>();
        Set<String> veths = new TreeSet<>();
        Set<String> hostPorts = new TreeSet<>();
        Set<String> publishingEndpoints = new HashSet<>();
        for (String id : JsonPath.from(get("/containers/json")).getList("Id", String.class)) {
            JsonPath container = inspect(id);
            String key = container.getString("NetworkSettings.SandboxKey");
            if (key.isEmpty() || container.getString("HostConfig.NetworkMode").equals("host")) {
                continue;
            }
            Path sandbox = Path.of(key);
            sandboxes.add(sandbox.getFileName().toString());
            String addresses = ThrowawayHost.in(sandbox, "ip", "-o", "addr", "show");
            String links = ThrowawayHost.in(sandbox, "ip", "-o", "link", "show");
            Map<String, Map<String, Object>> endpoints = container.getMap("NetworkSettings.Networks");
            endpoints.forEach((network, endpoint) -> {
                String ip = (String) endpoint.get("IPAddress");
                if (ip.isEmpty()) {
                    return;
                }
                String endpointId = (String) endpoint.get("EndpointID");
                String veth = Names.veth(endpointId);
                veths.add(veth);
                assertThat(host.ip("-o", "link", "show", veth)).as(network)
                        .contains("master " + bridgeOfNetwork.get((String) endpoint.get("NetworkID")));
                assertThat(addresses).as(id + " on " + network).contains(ip + "/" + endpoint.get("IPPrefixLen"));
                assertThat(links).as(id + " on " + network).contains("link/ether " + endpoint.get("MacAddress"));
            });
            Map<String, List<Map<String, String>>> ports = container.getMap("NetworkSettings.Ports");
            ports.values().stream().filter(bindings -> bindings != null).flatMap(List::stream)
                    .forEach(binding -> hostPorts.add(binding.get("HostPort")));
            if (!ports.isEmpty()) {
                endpoints.values().forEach(endpoint -> publishingEndpoints.add((String) endpoint.get("EndpointID")));
            }
        }

        String links = host.ip("-o", "link", "show");
        assertThat(linksOfKind(links, "bridge")).isEqualTo(bridges);
        assertThat(linksOfKind(links, "veth")).isEqualTo(veths);
        try (Stream<Path> files = Files.list(host.netnsDirectory())) {
            Set<String> mounted = files.map(file -> file.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(mounted).isEqualTo(sandboxes);
        }
        String ruleset = host.ruleset();
        assertThat(matches(ruleset, "comment \"netdock network ([0-9a-f]{64})\"")).isEqualTo(networkIds);
        assertThat(matches(ruleset, "dport (\\d+) dnat")).isEqualTo(hostPorts);
        assertThat(publishingEndpoints).containsAll(matches(ruleset, "comment \"netdock port ([0-9a-f]{64}) "));
    }

    /** Names of netdock's links ({@link LinkGroups#OWNED}) of a kind, as {@code ip -o link} lists them. */
    private Set<String> linksOfKind(String ipLinks, String kind) {
        Set<String> names = new TreeSet<>();
        for (String line : ipLinks.lines().toList()) {
            String name = line.split(": ")[1].replaceFirst("@.*", "");
            if (line.contains("group " + LinkGroups.OWNED) && host.ip("-d", "-o", "link", "show", name)
                    .contains(" " + kind + " ")) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        for (Matcher m = Pattern.compile(regex).matcher(text); m.find(); ) {
            found.add(m.group(1));
        }
        return found;
    }

    private void start(String logName) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString(),
                "--netdock.state-dir=" + host.stateDirectory(), "--server.port=0", "--netdock.kernel.mode=linux",
                "--netdock.kernel.host-netns=" + host.name());
        Path log = host.stateDirectory().resolve(logName);
        netdock = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        client = new UnixSocketClient(socket());
        await().atMost(START_PATIENCE).ignoreExceptions()
                .until(() -> !netdock.isAlive() || client.get("/_ping").getStatus() == 200);
        assertThat(netdock.isAlive()).as(Files.readString(log)).isTrue();
    }

    private Path socket() {
        return host.stateDirectory().resolve("docker.sock");
    }

    private void run(String name, String body) {
        post("/containers/create?name=" + name, body, 201);
        post("/containers/" + name + "/start", "", 204);
    }

    private JsonPath inspect(String container) {
        return JsonPath.from(get("/containers/" + container + "/json"));
    }

    /** The kernel view waits for netdock's background deletions first. */
    private void settle() {
        get("/netdock/kernel");
    }

    private String get(String path) {
        ContentResponse response = client.get(path);
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private void post(String path, String body, int status) {
        ContentResponse response = client.post(path, body);
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(status);
    }
}
