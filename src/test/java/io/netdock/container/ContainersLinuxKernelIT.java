package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.kernel.bridge.Names;
import io.netdock.kernel.linux.EchoServer;
import io.netdock.kernel.spi.LinkGroups;
import io.netdock.testing.DockerCli;
import io.netdock.testing.ThrowawayHost;
import io.netdock.testing.WholeLinuxApplication;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in linux mode, driven through the Docker API and the docker CLI as a user would, its host
 * being a throwaway namespace: what a client asks for exists in the kernel, and real TCP connections go where
 * Docker's would and nowhere else. Servers are sockets bound inside a container's sandbox by a thread that entered
 * it (containers have no processes); clients connect from the host namespace or from a "client" namespace wired to
 * the host like another machine on its LAN ({@link ThrowawayHost}). A blocked path is a connect that times out.
 */
class ContainersLinuxKernelIT extends WholeLinuxApplication {

    private static final int BLOCKED_WITHIN_MILLIS = 400;
    private static final int ANSWERS_WITHIN_MILLIS = 5_000;

    private static final ThrowawayHost host = ThrowawayHost.named("ndk-e2e");

    @DynamicPropertySource
    static void linuxMode(DynamicPropertyRegistry registry) {
        host.linuxMode(registry);
    }

    @Override
    protected RequestSpecification api() {
        return super.api().contentType("application/json");
    }

    private DockerCli docker() {
        return new DockerCli(host.stateDirectory().resolve("docker.sock"));
    }

    private String createNetwork(String name, String subnet, String extra) {
        return api().body("{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"" + subnet + "\"}]}" + extra
                + "}").post("/networks/create").then().statusCode(201).extract().path("Id");
    }

    /** Creates and starts a container on {@code network}; returns its inspect document. */
    private JsonPath run(String name, String network) {
        return runWith(name, "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"" + network + "\"}}");
    }

    /** Like {@link #run(String, String)}, with its port 80 published on {@code hostPort}. */
    private JsonPath runPublishing(String name, String network, int hostPort) {
        return runWith(name, "{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":\""
                + network + "\",\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"" + hostPort + "\"}]}}}");
    }

    private JsonPath runWith(String name, String body) {
        api().body(body).post("/containers/create?name=" + name).then().statusCode(201);
        api().post("/containers/" + name + "/start").then().statusCode(204);
        return inspect(name);
    }

    private JsonPath inspect(String container) {
        return api().get("/containers/" + container + "/json").then().statusCode(200).extract().jsonPath();
    }

    private static String endpoint(JsonPath inspect, String network, String field) {
        return inspect.getString("NetworkSettings.Networks.'" + network + "'." + field);
    }

    private static Path sandbox(JsonPath inspect) {
        return Path.of(inspect.getString("NetworkSettings.SandboxKey"));
    }

    private static String bridgeOf(String networkId) {
        return "br-" + networkId.substring(0, 12);
    }

    private static String vethOf(String endpointId) {
        return Names.veth(endpointId);
    }

    private List<String> sandboxFiles() throws IOException {
        try (Stream<Path> files = Files.list(host.netnsDirectory())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPublishedPortAnswersFromTheHostAndFromAnotherMachine() throws Exception {
        DockerCli docker = docker();
        assertThat(docker.run("network", "create", "--subnet", "10.242.0.0/24", "e2e-web").exitCode()).isZero();
        String networkId = docker.run("network", "inspect", "-f", "{{.Id}}", "e2e-web").stdout().strip();
        assertThat(host.ip("-o", "-4", "addr", "show", bridgeOf(networkId))).contains("inet 10.242.0.1/24");

        DockerCli.Result run = docker.run("run", "-d", "--name", "e2e-web", "-p", "18080:80", "--network", "e2e-web",
                "busybox", "httpd", "-f");
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonPath web = inspect("e2e-web");
        String ip = endpoint(web, "e2e-web", "IPAddress");
        String mac = endpoint(web, "e2e-web", "MacAddress");
        assertThat(ip).isEqualTo("10.242.0.2");
        Path sandbox = sandbox(web);
        assertThat(sandbox.getParent()).isEqualTo(host.netnsDirectory());
        assertThat(ThrowawayHost.in(sandbox, "ip", "-o", "-4", "addr", "show", "eth0")).contains("inet 10.242.0.2/24");
        assertThat(ThrowawayHost.in(sandbox, "ip", "-o", "link", "show", "eth0")).contains("link/ether " + mac);
        assertThat(ThrowawayHost.in(sandbox, "ip", "route")).contains("default via 10.242.0.1 dev eth0");
        assertThat(host.ip("-o", "link", "show", "master", bridgeOf(networkId)))
                .contains(vethOf(endpoint(web, "e2e-web", "EndpointID")) + "@");

        try (EchoServer server = EchoServer.start(sandbox, ip, 80, "web")) {
            assertThat(EchoServer.fetch(host.hostKey(), "127.0.0.1", 18080, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from web to 10.242.0.1");
            assertThat(EchoServer.fetch(host.hostKey(), ThrowawayHost.HOST_ADDRESS, 18080, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from web to 10.242.0.1");
            assertThat(EchoServer.fetch(host.clientKey(), ThrowawayHost.HOST_ADDRESS, 18080, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from web to " + ThrowawayHost.CLIENT_ADDRESS);
        }
        assertThat(docker.run("rm", "-f", "e2e-web").exitCode()).isZero();
        assertThat(docker.run("network", "rm", "e2e-web").exitCode()).isZero();
    }

    @Test
    void containersOnOneNetworkTalkAndThoseOnAnotherCannot() throws Exception {
        createNetwork("e2e-a", "10.243.0.0/24", "");
        createNetwork("e2e-b", "10.244.0.0/24", "");
        JsonPath first = run("e2e-a1", "e2e-a");
        JsonPath second = run("e2e-a2", "e2e-a");
        JsonPath other = run("e2e-b1", "e2e-b");

        try (EchoServer server = EchoServer.start(sandbox(first), "10.243.0.2", 8000, "a1");
             EchoServer outside = EchoServer.start(host.clientKey(), ThrowawayHost.CLIENT_ADDRESS, 9000, "client")) {
            assertThat(EchoServer.fetch(sandbox(second), "10.243.0.2", 8000, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from a1 to 10.243.0.3");
            assertThatThrownBy(() -> EchoServer.fetch(sandbox(other), "10.243.0.2", 8000, BLOCKED_WITHIN_MILLIS))
                    .isInstanceOf(SocketTimeoutException.class);
            // the way out works, masqueraded behind the host's address
            assertThat(EchoServer.fetch(sandbox(other), ThrowawayHost.CLIENT_ADDRESS, 9000, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from client to " + ThrowawayHost.HOST_ADDRESS);
        }
        removeAll(List.of("e2e-a1", "e2e-a2", "e2e-b1"), List.of("e2e-a", "e2e-b"));
    }

    @Test
    void anInternalNetworkHasNoRouteOutAndItsBridgeLetsNothingThrough() throws Exception {
        createNetwork("e2e-int", "10.245.0.0/24", ",\"Internal\":true");
        JsonPath inside = run("e2e-int1", "e2e-int");
        Path sandbox = sandbox(inside);
        assertThat(ThrowawayHost.in(sandbox, "ip", "route")).doesNotContain("default");

        try (EchoServer outside = EchoServer.start(host.clientKey(), ThrowawayHost.CLIENT_ADDRESS, 9000, "client")) {
            assertThatThrownBy(() -> EchoServer.fetch(sandbox, ThrowawayHost.CLIENT_ADDRESS, 9000,
                    BLOCKED_WITHIN_MILLIS)).isInstanceOf(SocketException.class).hasMessageContaining("unreachable");
            // even with a route the bridge drops what would leave it
            ThrowawayHost.in(sandbox, "ip", "route", "add", "default", "via", "10.245.0.1");
            assertThatThrownBy(() -> EchoServer.fetch(sandbox, ThrowawayHost.CLIENT_ADDRESS, 9000,
                    BLOCKED_WITHIN_MILLIS)).isInstanceOf(SocketTimeoutException.class);
        }
        removeAll(List.of("e2e-int1"), List.of("e2e-int"));
    }

    @Test
    void disabledIccBlocksTrafficBetweenContainersOfTheNetworkButNotFromTheHost() throws Exception {
        createNetwork("e2e-noicc", "10.246.0.0/24", ",\"Options\":{\"com.docker.network.bridge.enable_icc\":\"false\"}");
        JsonPath first = run("e2e-noicc1", "e2e-noicc");
        JsonPath second = run("e2e-noicc2", "e2e-noicc");

        try (EchoServer server = EchoServer.start(sandbox(first), "10.246.0.2", 8000, "noicc1")) {
            assertThatThrownBy(() -> EchoServer.fetch(sandbox(second), "10.246.0.2", 8000, BLOCKED_WITHIN_MILLIS))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(EchoServer.fetch(host.hostKey(), "10.246.0.2", 8000, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from noicc1 to 10.246.0.1");
        }
        removeAll(List.of("e2e-noicc1", "e2e-noicc2"), List.of("e2e-noicc"));
    }

    @Test
    void noneHasOnlyLoopbackAndContainerModeJoinsTheOtherSandbox() throws Exception {
        JsonPath none = run("e2e-none", "none");
        assertThat(ThrowawayHost.in(sandbox(none), "ip", "-o", "link", "show")).hasLineCount(1).contains("lo:");

        createNetwork("e2e-shared", "10.247.0.0/24", "");
        JsonPath owner = run("e2e-owner", "e2e-shared");
        List<String> before = sandboxFiles();
        JsonPath joined = run("e2e-joined", "container:e2e-owner");
        assertThat(joined.getString("HostConfig.NetworkMode")).isEqualTo("container:" + owner.getString("Id"));
        assertThat(joined.getString("NetworkSettings.SandboxKey")).isEmpty();
        assertThat(sandboxFiles()).isEqualTo(before);
        // what the joined container sees is the owner's sandbox: its address and route
        assertThat(ThrowawayHost.in(sandbox(owner), "ip", "-o", "-4", "addr", "show", "eth0"))
                .contains("inet 10.247.0.2/24");
        removeAll(List.of("e2e-joined", "e2e-owner", "e2e-none"), List.of("e2e-shared"));
    }

    @Test
    void connectAddsEth1ToARunningContainerAndDisconnectRemovesIt() {
        DockerCli docker = docker();
        createNetwork("e2e-c1", "10.248.0.0/24", "");
        String secondId = createNetwork("e2e-c2", "10.249.0.0/24", "");
        Path sandbox = sandbox(run("e2e-conn", "e2e-c1"));

        DockerCli.Result connect = docker.run("network", "connect", "e2e-c2", "e2e-conn");
        assertThat(connect.exitCode()).as(connect.output()).isZero();
        JsonPath connected = inspect("e2e-conn");
        assertThat(ThrowawayHost.in(sandbox, "ip", "-o", "-4", "addr", "show", "eth1")).contains("inet 10.249.0.2/24");
        assertThat(ThrowawayHost.in(sandbox, "ip", "-o", "link", "show", "eth1"))
                .contains("link/ether " + endpoint(connected, "e2e-c2", "MacAddress"));
        String veth = vethOf(endpoint(connected, "e2e-c2", "EndpointID"));
        assertThat(host.ip("-o", "link", "show", "master", bridgeOf(secondId))).contains(veth + "@");

        DockerCli.Result disconnect = docker.run("network", "disconnect", "e2e-c2", "e2e-conn");
        assertThat(disconnect.exitCode()).as(disconnect.output()).isZero();
        assertThat(ThrowawayHost.in(sandbox, "ip", "-o", "link", "show")).doesNotContain("eth1").contains("eth0");
        assertRetiredThenGone(veth);
        removeAll(List.of("e2e-conn"), List.of("e2e-c1", "e2e-c2"));
    }

    @Test
    void stopRemovesTheSandboxAndItsVethsAndNetworkRemovalLeavesNoBridgeOrRule() {
        String networkId = createNetwork("e2e-stop", "10.250.0.0/24", "");
        JsonPath running = runPublishing("e2e-stopped", "e2e-stop", 18090);
        Path sandbox = sandbox(running);
        String veth = vethOf(endpoint(running, "e2e-stop", "EndpointID"));
        assertThat(host.ruleset()).contains("dport 18090 dnat ip to 10.250.0.2:80");

        api().post("/containers/e2e-stopped/stop").then().statusCode(204);
        assertThat(sandbox).doesNotExist();
        assertRetiredThenGone(veth);
        assertThat(host.ruleset()).doesNotContain("dport 18090");

        api().delete("/containers/e2e-stopped").then().statusCode(204);
        api().delete("/networks/e2e-stop").then().statusCode(204);
        assertThat(host.ip("-o", "link", "show")).doesNotContain(bridgeOf(networkId));
        assertThat(host.ruleset()).doesNotContain(networkId);
        settle();
        assertThat(host.ip("-o", "link", "show")).doesNotContain("gone-");
    }

    /**
     * A host-side veth netdock removed is out of service at once (gone, or down in the retired group while the kernel
     * frees it in the background: README "Removals do not wait for the kernel"), and gone once that is done.
     */
    private void assertRetiredThenGone(String veth) {
        host.ip("-o", "link", "show").lines().filter(line -> line.contains(" " + veth + "@")).forEach(line ->
                assertThat(line).doesNotContain(",UP").contains("group " + LinkGroups.RETIRED));
        settle();
        assertThat(host.ip("-o", "link", "show")).doesNotContain(veth);
    }

    /** The kernel view waits for netdock's background deletions first. */
    private void settle() {
        api().get("/netdock/kernel").then().statusCode(200);
    }

    @Test
    void theKernelViewIsWhatIpAndNftShow() throws Exception {
        createNetwork("e2e-view", "10.251.0.0/24", "");
        runPublishing("e2e-view1", "e2e-view", 18091);
        run("e2e-view2", "e2e-view");

        JsonPath view = api().get("/netdock/kernel").then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("Ruleset")).isEqualTo(host.ruleset());
        List<Map<String, Object>> namespaces = view.getList("Namespaces");
        assertThat(namespaces.get(0).get("Name")).isEqualTo("host");
        assertThat(namespaces.stream().skip(1).map(ns -> ns.get("Name")).sorted().toList())
                .isEqualTo(sandboxFiles());
        for (int i = 0; i < namespaces.size(); i++) {
            String name = view.getString("Namespaces[" + i + "].Name");
            Path key = i == 0 ? host.hostKey() : host.netnsDirectory().resolve(name);
            assertThat(view.getList("Namespaces[" + i + "].Links.Label", String.class)).as(name)
                    .containsExactlyInAnyOrderElementsOf(linkLabels(key));
            assertThat(view.getList("Namespaces[" + i + "].Addresses", String.class)).as(name)
                    .containsExactlyInAnyOrderElementsOf(addresses(key));
            assertThat(view.getList("Namespaces[" + i + "].Routes", String.class).stream()
                    .filter(route -> !route.contains(":")).toList()).as(name)
                    .containsExactlyInAnyOrderElementsOf(ThrowawayHost.in(key, "ip", "-4", "route").lines()
                            .map(route -> route.replace(" linkdown", "").strip()).toList());
        }
        removeAll(List.of("e2e-view1", "e2e-view2"), List.of("e2e-view"));
    }

    @Test
    void aStartTheKernelRefusesFailsInDockersWordsAndLeavesNothingBehind() throws Exception {
        String networkId = createNetwork("e2e-broken", "10.252.0.0/24", "");
        host.ip("link", "del", bridgeOf(networkId)); // an administrator deletes the bridge behind netdock's back
        api().body("{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":"
                + "\"e2e-broken\",\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"18092\"}]}}}")
                .post("/containers/create?name=e2e-broken1").then().statusCode(201);
        KernelObjects before = kernelObjects();

        String message = api().post("/containers/e2e-broken1/start").then().statusCode(500).extract().path("message");
        assertThat(message).matches("failed to set up container networking: failed to create endpoint e2e-broken1 on "
                + "network e2e-broken: create veth veth[0-9a-f]{11} → " + bridgeOf(networkId) + ": No such device");
        JsonPath failed = inspect("e2e-broken1");
        assertThat(failed.getString("State.Status")).isEqualTo("created");
        assertThat(failed.getString("State.Error")).isEqualTo(message);
        assertNothingLeftBehind(before, 18092);
        removeAll(List.of("e2e-broken1"), List.of("e2e-broken"));
    }

    @Test
    void aStartWhosePortsTheKernelRefusesLeavesNoSandboxOrVethAndCanBeRetried() throws Exception {
        createNetwork("e2e-nopub", "10.253.0.0/24", "");
        api().body("{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":"
                + "\"e2e-nopub\",\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"18093\"}]}}}")
                .post("/containers/create?name=e2e-nopub1").then().statusCode(201);
        KernelObjects before = kernelObjects();
        // the chain published ports go to disappears behind netdock's back
        host.inHost("nft", "flush", "chain", "inet", "netdock", "prerouting");
        host.inHost("nft", "flush", "chain", "inet", "netdock", "output");
        host.inHost("nft", "delete", "chain", "inet", "netdock", "published");
        String message;
        try {
            message = api().post("/containers/e2e-nopub1/start").then().statusCode(500).extract().path("message");
        } finally {
            host.inHost("nft", "add", "chain", "inet", "netdock", "published");
            for (String chain : List.of("prerouting", "output")) {
                host.inHost("nft", "add", "rule", "inet", "netdock", chain, "fib", "daddr", "type", "local", "jump",
                        "published", "comment", "\"netdock\"");
            }
        }
        assertThat(message).matches("failed to set up container networking: driver failed programming external "
                + "connectivity on endpoint e2e-nopub1 \\([0-9a-f]{64}\\): apply firewall change to table inet netdock: "
                + "No such file or directory.*");
        assertThat(inspect("e2e-nopub1").getString("State.Status")).isEqualTo("created");
        assertNothingLeftBehind(before, 18093);

        api().post("/containers/e2e-nopub1/start").then().statusCode(204);
        String ip = endpoint(inspect("e2e-nopub1"), "e2e-nopub", "IPAddress");
        assertThat(host.ruleset()).contains("dport 18093 dnat ip to " + ip + ":80");
        removeAll(List.of("e2e-nopub1"), List.of("e2e-nopub"));
    }

    /** The sandboxes and the host's links, to compare before and after a failed start. */
    private record KernelObjects(List<String> sandboxes, List<String> hostLinks) {
    }

    /** Once retired links are gone (the view waits for them). */
    private KernelObjects kernelObjects() throws IOException {
        settle();
        return new KernelObjects(sandboxFiles(), linkLabels(host.hostKey()));
    }

    /** The kernel holds exactly what it held {@code before}, and no rule for {@code hostPort}. */
    private void assertNothingLeftBehind(KernelObjects before, int hostPort) throws IOException {
        assertThat(kernelObjects()).isEqualTo(before);
        assertThat(host.ruleset()).doesNotContain("dport " + hostPort);
    }

    /** {@code ip -o link} names as it labels them: {@code eth0@if12}. */
    private static List<String> linkLabels(Path namespace) {
        return ThrowawayHost.in(namespace, "ip", "-o", "link", "show").lines()
                .map(line -> line.split(": ")[1]).toList();
    }

    /** {@code ip -o addr} as {@code 10.251.0.2/24 dev eth0}. */
    private static List<String> addresses(Path namespace) {
        return ThrowawayHost.in(namespace, "ip", "-o", "addr", "show").lines()
                .map(line -> Arrays.asList(line.split("\\s+")))
                .map(words -> words.get(3) + " dev " + words.get(1))
                .toList();
    }

    private void removeAll(List<String> containers, List<String> networks) {
        containers.forEach(name -> api().delete("/containers/" + name + "?force=1").then().statusCode(204));
        networks.forEach(name -> api().delete("/networks/" + name).then().statusCode(204));
    }
}
