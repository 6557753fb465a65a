package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.netdock.events.Event;
import io.netdock.events.EventLog;
import io.netdock.kernel.KernelView;
import io.netdock.kernel.Plumbing;
import io.netdock.testing.WholeApplication;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Containers as a Docker client sees them: lifecycle, endpoints, ports, connect/disconnect, errors, events. */
class ContainersIT extends WholeApplication {

    @Autowired
    EventLog events;

    @Autowired
    Plumbing plumbing;

    private String create(String name, String body) {
        return api().contentType("application/json").body(body).post("/v1.51/containers/create?name=" + name)
                .then().statusCode(201).extract().path("Id");
    }

    @Test
    void runsOnTheDefaultBridgeWithAnAddressAndADerivedMac() {
        String id = create("it-b1", "{\"Image\":\"busybox:latest\",\"Cmd\":[\"sleep\",\"9\"]}");
        api().get("/v1.51/containers/it-b1/json").then().statusCode(200)
                .body("State.Status", equalTo("created"))
                .body("HostConfig.NetworkMode", equalTo("bridge"))
                .body("NetworkSettings.Networks.bridge.NetworkID", equalTo(""))
                .body("Config.Hostname", equalTo(id.substring(0, 12)));
        api().post("/v1.51/containers/it-b1/start").then().statusCode(204);
        api().post("/v1.51/containers/it-b1/start").then().statusCode(304);
        JsonPath inspect = api().get("/v1.41/containers/it-b1/json").then().statusCode(200).extract().jsonPath();
        String ip = inspect.getString("NetworkSettings.IPAddress");
        assertThat(ip).startsWith("172.17.");
        String[] bytes = ip.split("\\.");
        assertThat(inspect.getString("NetworkSettings.MacAddress")).isEqualTo(String.format("02:42:ac:11:%02x:%02x",
                Integer.parseInt(bytes[2]), Integer.parseInt(bytes[3])));
        assertThat(inspect.getString("NetworkSettings.Networks.bridge.Gateway")).isEqualTo("172.17.0.1");
        assertThat(inspect.getString("State.Status")).isEqualTo("running");
        api().get("/networks/bridge").then().body("Containers." + id + ".Name", equalTo("it-b1"));
        api().post("/v1.51/containers/it-b1/stop").then().statusCode(204);
        api().get("/v1.51/containers/it-b1/json").then()
                .body("State.ExitCode", equalTo(143))
                .body("NetworkSettings.Networks.bridge.IPAddress", equalTo(""));
        api().get("/networks/bridge").then().body("Containers", org.hamcrest.Matchers.not(hasKey(id)));
        api().delete("/v1.51/containers/it-b1").then().statusCode(204);
        api().get("/v1.51/containers/it-b1/json").then().statusCode(404)
                .body("message", equalTo("No such container: it-b1"));
    }

    @Test
    void namesFollowDockersRules() {
        api().contentType("application/json").body("{\"Image\":\"x\"}").post("/containers/create?name=-bad")
                .then().statusCode(400)
                .body("message", equalTo("Invalid container name (-bad), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"));
        String id = create("it-n1", "{\"Image\":\"x\"}");
        api().contentType("application/json").body("{\"Image\":\"x\"}").post("/containers/create?name=it-n1")
                .then().statusCode(409).body("message", equalTo("Conflict. The container name \"/it-n1\" is already "
                        + "in use by container \"" + id + "\". You have to remove (or rename) that container to be able "
                        + "to reuse that name."));
        api().contentType("application/json").body("{}").post("/containers/create").then().statusCode(400)
                .body("message", equalTo("Config cannot be empty in order to create a container"));
        api().post("/containers/it-n1/rename?name=it-n1").then().statusCode(400)
                .body("message", equalTo("Renaming a container with the same name as its current name"));
        api().post("/containers/it-n1/kill").then().statusCode(409)
                .body("message", equalTo("Cannot kill container: it-n1: Container " + id + " is not running"));
        api().delete("/containers/it-n1").then().statusCode(204);
    }

    @Test
    void waitSendsItsHeadersAtOnceAndTheExitCodeWhenTheContainerStops() throws Exception {
        create("it-w1", "{\"Image\":\"x\"}");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1.51/containers/it-w1/wait?condition=next-exit HTTP/1.1\r\nHost: d\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            api().post("/containers/it-w1/start").then().statusCode(204);
            api().post("/containers/it-w1/kill?signal=INT").then().statusCode(204);
            String line;
            StringBuilder rest = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals("0")) {
                rest.append(line).append('\n');
            }
            assertThat(rest.toString()).contains("{\"StatusCode\":130,\"Error\":null}");
        }
        api().delete("/containers/it-w1").then().statusCode(204);
    }

    @Test
    void publishesPortsAndRefusesAHostPortThatIsTaken() {
        String body = "{\"Image\":\"x\",\"ExposedPorts\":{\"80/tcp\":{},\"53/udp\":{}},\"HostConfig\":{\"PortBindings\":"
                + "{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"18281\"}]}}}";
        create("it-p1", body);
        String second = create("it-p2", body);
        api().post("/containers/it-p1/start").then().statusCode(204);
        KernelView before = plumbing.view();
        api().get("/containers/it-p1/json").then()
                .body("NetworkSettings.Ports.'80/tcp'[0].HostIp", equalTo("0.0.0.0"))
                .body("NetworkSettings.Ports.'80/tcp'[0].HostPort", equalTo("18281"))
                .body("NetworkSettings.Ports.'80/tcp'[1].HostIp", equalTo("::"))
                .body("NetworkSettings.Ports.'53/udp'", nullValue());
        api().post("/containers/it-p2/start").then().statusCode(500)
                .body("message", matchesPattern("failed to set up container networking: driver failed programming "
                        + "external connectivity on endpoint it-p2 \\([0-9a-f]{64}\\): Bind for 0.0.0.0:18281 failed: "
                        + "port is already allocated"));
        KernelView after = plumbing.view();
        assertThat(after.namespaces()).as("no sandbox or veth left by the failed start")
                .isEqualTo(before.namespaces());
        assertThat(after.ruleset()).isEqualTo(before.ruleset());
        api().get("/containers/it-p2/json").then()
                .body("State.Status", equalTo("created"))
                .body("State.ExitCode", equalTo(128))
                .body("State.Error", containsString("port is already allocated"));
        api().queryParam("filters", "{\"publish\":[\"18281\"]}").get("/containers/json").then()
                .body("Names.flatten()", equalTo(List.of("/it-p1")));
        api().post("/containers/it-p1/stop").then().statusCode(204);
        api().post("/containers/it-p2/start").then().statusCode(204);
        api().delete("/containers/it-p1?force=1").then().statusCode(204);
        api().delete("/containers/" + second + "?force=1").then().statusCode(204);
    }

    @Test
    void connectsAndDisconnectsWithDockersErrors() {
        api().contentType("application/json").body("{\"Name\":\"it-net1\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.211.0.0/24\"}]}}")
                .post("/networks/create").then().statusCode(201);
        String id = create("it-c1", "{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"it-net1\"},\"NetworkingConfig\":"
                + "{\"EndpointsConfig\":{\"it-net1\":{\"IPAMConfig\":{\"IPv4Address\":\"10.211.0.50\"},\"Aliases\":[\"web\"]}}}}");
        api().post("/containers/it-c1/start").then().statusCode(204);
        api().get("/v1.44/containers/it-c1/json").then()
                .body("NetworkSettings.Networks.'it-net1'.IPAddress", equalTo("10.211.0.50"))
                .body("NetworkSettings.Networks.'it-net1'.Aliases", equalTo(List.of("web", id.substring(0, 12))))
                .body("NetworkSettings.Networks.'it-net1'.DNSNames", equalTo(List.of("it-c1", "web", id.substring(0, 12))));
        api().contentType("application/json").body("{\"Container\":\"it-c1\"}").post("/networks/it-net1/connect")
                .then().statusCode(403).body("message", equalTo("endpoint with name it-c1 already exists in network it-net1"));
        api().contentType("application/json").body("{\"Container\":\"it-c1\"}").post("/networks/host/connect")
                .then().statusCode(400).body("message", equalTo(
                        "cannot connect container to host network - container must be created in host network mode"));
        api().contentType("application/json").body("{\"Container\":\"nosuch\"}").post("/networks/it-net1/connect")
                .then().statusCode(404).body("message", equalTo("No such container: nosuch"));
        api().contentType("application/json").body("{\"Container\":\"it-c1\",\"EndpointConfig\":{\"IPAMConfig\":"
                + "{\"IPv4Address\":\"172.17.0.99\"}}}").post("/networks/bridge/connect").then().statusCode(400)
                .body("message", equalTo("invalid endpoint settings:\nuser-specified IP address is supported on "
                        + "user-defined networks only"));
        api().contentType("application/json").body("{\"Container\":\"it-c1\"}").post("/networks/bridge/connect")
                .then().statusCode(200);
        api().get("/containers/it-c1/json").then()
                .body("NetworkSettings.Networks.bridge.IPAddress", matchesPattern("172\\.17\\.0\\.\\d+"));
        api().contentType("application/json").body("{\"Network\":\"bridge\"}").post("/containers/it-c1/disconnect")
                .then().statusCode(200);
        api().contentType("application/json").body("{\"Container\":\"it-c1\"}").post("/networks/bridge/disconnect")
                .then().statusCode(500).body("message", equalTo("container " + id + " is not connected to network bridge"));
        long before = events.history().size();
        api().post("/containers/it-c1/stop").then().statusCode(204);
        List<String> actions = events.history().stream().skip(before).map(e -> e.type() + " " + e.action()).toList();
        assertThat(actions).containsExactly("container kill", "container die", "network disconnect", "container stop");
        Event disconnect = events.history().stream().skip(before).filter(e -> e.action().equals("disconnect"))
                .findFirst().orElseThrow();
        assertThat(disconnect.attributes()).containsEntry("container", id).containsEntry("name", "it-net1")
                .containsEntry("type", "bridge");
        api().delete("/containers/it-c1").then().statusCode(204);
        api().delete("/networks/it-net1").then().statusCode(204);
    }

    @Test
    void aConnectAfterADisconnectNamesTheNewInterfaceAfterTheHighestInUse() {
        for (String net : List.of("it-if1", "it-if2", "it-if3")) {
            api().contentType("application/json").body("{\"Name\":\"" + net + "\"}").post("/networks/create").then()
                    .statusCode(201);
        }
        create("it-if", "{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"it-if1\"}}");
        api().post("/containers/it-if/start").then().statusCode(204);
        api().contentType("application/json").body("{\"Container\":\"it-if\"}").post("/networks/it-if2/connect")
                .then().statusCode(200);
        api().contentType("application/json").body("{\"Container\":\"it-if\"}").post("/networks/it-if1/disconnect")
                .then().statusCode(200);
        // eth1 is still in use: the new interface must not be a second eth1 (it was: 500 "File exists")
        api().contentType("application/json").body("{\"Container\":\"it-if\"}").post("/networks/it-if3/connect")
                .then().statusCode(200);
        String sandbox = api().get("/containers/it-if/json").then().extract().path("NetworkSettings.SandboxID");
        List<String> interfaces = plumbing.view().namespaces().stream()
                .filter(n -> n.name().equals(sandbox.substring(0, 12))).findFirst().orElseThrow()
                .links().stream().map(KernelView.LinkView::name).sorted().toList();
        assertThat(interfaces).containsExactly("eth1", "eth2", "lo");
        api().delete("/containers/it-if?force=1").then().statusCode(204);
        for (String net : List.of("it-if1", "it-if2", "it-if3")) {
            api().delete("/networks/" + net).then().statusCode(204);
        }
    }

    @Test
    void containerModeRulesAreDockers() {
        api().contentType("application/json").body("{\"Image\":\"x\",\"Hostname\":\"h\",\"HostConfig\":{\"NetworkMode\":\"container:abc\"}}")
                .post("/containers/create").then().statusCode(400)
                .body("message", equalTo("conflicting options: hostname and the network mode"));
        api().contentType("application/json").body("{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"container:\"}}")
                .post("/containers/create").then().statusCode(400)
                .body("message", equalTo("Invalid network mode: invalid container format container:<name|id>"));
        // dockerd stores a container that can never start and fails at start; netdock refuses it at create
        // (issue 15 point 10), in dockerd's words, and stores nothing
        api().contentType("application/json").body("{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"container:it-nosuch\"}}")
                .post("/containers/create?name=it-m0").then().statusCode(404)
                .body("message", equalTo("No such container: it-nosuch"));
        api().get("/containers/it-m0/json").then().statusCode(404);
        String owner = create("it-m1", "{\"Image\":\"x\",\"Hostname\":\"ownerhost\",\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        String joiner = create("it-m2", "{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"container:it-m1\"}}");
        api().get("/containers/it-m2/json").then()
                .body("HostConfig.NetworkMode", equalTo("container:" + owner))
                .body("Config.Hostname", equalTo(joiner.substring(0, 12)));
        api().post("/containers/it-m2/start").then().statusCode(409)
                .body("message", equalTo("cannot join network of a non running container: " + owner));
        api().post("/containers/it-m1/start").then().statusCode(204);
        api().post("/containers/it-m2/start").then().statusCode(204);
        api().get("/containers/it-m2/json").then().body("NetworkSettings.SandboxID", equalTo(""))
                .body("NetworkSettings.Networks.size()", equalTo(0))
                .body("Config.Hostname", equalTo("ownerhost"));
        api().contentType("application/json").body("{\"Container\":\"it-m2\"}").post("/networks/bridge/connect")
                .then().statusCode(400).body("message", equalTo("container sharing network namespace with another "
                        + "container or host cannot be connected to any other network"));
        api().delete("/containers/it-m2?force=true").then().statusCode(204);
        api().delete("/containers/it-m1?force=true").then().statusCode(204);
    }

    @Test
    void eventsComeInDockersOrderWithDockersAttributes() {
        long before = events.history().size();
        String id = create("it-e1", "{\"Image\":\"busybox:latest\",\"Labels\":{\"foo\":\"bar\"}}");
        api().post("/containers/it-e1/start").then().statusCode(204);
        api().post("/containers/it-e1/restart").then().statusCode(204);
        api().post("/containers/it-e1/rename?name=it-e2").then().statusCode(204);
        api().delete("/containers/it-e2?force=1").then().statusCode(204);
        List<Event> mine = events.history().stream().skip(before)
                .filter(e -> e.actorId().equals(id) || id.equals(e.attributes().get("container"))).toList();
        assertThat(mine).extracting(e -> e.type() + " " + e.action()).containsExactly(
                "container create", "network connect", "container start",
                "container kill", "container die", "network disconnect", "container stop",
                "network connect", "container start", "container restart", "container rename",
                "container kill", "container die", "network disconnect", "container destroy");
        assertThat(mine.get(0).attributes()).containsExactly(java.util.Map.entry("foo", "bar"),
                java.util.Map.entry("image", "busybox:latest"), java.util.Map.entry("name", "it-e1"));
        assertThat(mine.get(3).attributes()).containsEntry("signal", "15");
        assertThat(mine.get(4).attributes()).containsEntry("exitCode", "143");
        assertThat(mine.get(10).attributes()).containsEntry("oldName", "/it-e1").containsEntry("name", "it-e2");
        assertThat(mine.get(11).attributes()).containsEntry("signal", "9");
    }

    @Test
    void stopWithoutAGracePeriodKillsAtOnce() {
        String id = create("it-t0", "{\"Image\":\"busybox:latest\"}");
        api().post("/containers/it-t0/start").then().statusCode(204);
        api().post("/containers/it-t0/stop?t=abc").then().statusCode(500)
                .body("message", equalTo("strconv.Atoi: parsing \"abc\": invalid syntax"));
        long before = events.history().size();
        api().post("/containers/it-t0/stop?t=0").then().statusCode(204);
        api().post("/containers/it-t0/start").then().statusCode(204);
        api().post("/containers/it-t0/restart?t=0").then().statusCode(204);
        api().post("/containers/it-t0/stop?t=5").then().statusCode(204);
        List<String> seen = events.history().stream().skip(before).filter(e -> e.actorId().equals(id))
                .filter(e -> List.of("kill", "die").contains(e.action()))
                .map(e -> e.action() + " " + e.attributes().getOrDefault("signal", e.attributes().get("exitCode")))
                .toList();
        // dockerd sends SIGKILL right after the stop signal when the grace period is 0: the process dies of it
        assertThat(seen).containsExactly("kill 15", "kill 9", "die 137", "kill 15", "kill 9", "die 137",
                "kill 15", "die 143");
        api().get("/containers/it-t0/json").then().body("State.ExitCode", equalTo(143));
        api().delete("/containers/it-t0").then().statusCode(204);
    }

    @Test
    void theContainerWideMacGoesToThePrimaryEndpointAndBadExtraHostsAreRefused() {
        create("it-mac", "{\"Image\":\"x\",\"MacAddress\":\"02:11:22:33:44:55\"}");
        api().post("/containers/it-mac/start").then().statusCode(204);
        api().get("/containers/it-mac/json").then().body("NetworkSettings.MacAddress", equalTo("02:11:22:33:44:55"));
        api().delete("/containers/it-mac?force=1").then().statusCode(204);
        api().contentType("application/json").body("{\"Image\":\"x\",\"HostConfig\":{\"ExtraHosts\":[\"foo\"]}}")
                .post("/containers/create").then().statusCode(400)
                .body("message", equalTo("bad format for add-host: \"foo\""));
        api().contentType("application/json").body("{\"Image\":\"x\",\"HostConfig\":{\"ExtraHosts\":[\"foo:bar\"]}}")
                .post("/containers/create").then().statusCode(400)
                .body("message", equalTo("invalid IP address in add-host: \"bar\""));
    }

    @Test
    void booleanQueryValuesAndPortFiltersReadAsDockerdReadsThem() {
        String id = create("it-bool", "{\"Image\":\"x\",\"ExposedPorts\":{\"80/tcp\":{}}}");
        for (String all : new String[] {"1", "f", "off", "n", "%20yes%20"}) {
            assertThat(api().urlEncodingEnabled(false).get("/v1.51/containers/json?all=" + all).then().statusCode(200)
                    .extract().jsonPath().getList("Id", String.class)).as("all=" + all).contains(id);
        }
        for (String all : new String[] {"0", "no", "NONE", "%20false%20", "%20"}) {
            assertThat(api().urlEncodingEnabled(false).get("/v1.51/containers/json?all=" + all).then().statusCode(200)
                    .extract().jsonPath().getList("Id", String.class)).as("all=" + all).doesNotContain(id);
        }
        String[][] refused = {
                {"1-x", "strconv.ParseUint: parsing \"x\": invalid syntax"},
                {"70000", "strconv.ParseUint: parsing \"70000\": value out of range"},
                {"-1", "strconv.ParseUint: parsing \"\": invalid syntax"},
                {"/tcp", "Empty string specified for ports."},
                {"5-3", "Invalid range specified for the Port: 5-3"}};
        for (String[] bad : refused) {
            api().queryParam("all", "1").queryParam("filters", "{\"expose\":[\"" + bad[0] + "\"]}")
                    .get("/v1.51/containers/json").then().statusCode(500)
                    .body("message", equalTo("error while looking up for expose " + bad[0] + ": " + bad[1]));
        }
        assertThat(api().queryParam("all", "1").queryParam("filters", "{\"expose\":[\"70-90/tcp\"]}")
                .get("/v1.51/containers/json").then().statusCode(200).extract().jsonPath()
                .getList("Id", String.class)).contains(id);
        assertThat(api().queryParam("all", "1").queryParam("filters", "{\"expose\":[\"81-90\"]}")
                .get("/v1.51/containers/json").then().statusCode(200).extract().jsonPath()
                .getList("Id", String.class)).doesNotContain(id);
        api().queryParam("t", " 5").post("/v1.51/containers/it-bool/stop").then().statusCode(500)
                .body("message", equalTo("strconv.Atoi: parsing \" 5\": invalid syntax"));
        api().delete("/v1.51/containers/it-bool").then().statusCode(204);
    }

    @Test
    void infoCountsContainers() {
        int total = api().get("/info").jsonPath().getInt("Containers");
        create("it-i1", "{\"Image\":\"x\"}");
        api().get("/info").then().body("Containers", equalTo(total + 1));
        api().delete("/containers/it-i1").then().statusCode(204);
    }

    @Test
    void endpointSettingsAreCheckedAtCreateAndAddressConflictsAtStart() {
        api().contentType("application/json").body("{\"Name\":\"it-s1\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.214.0.0/24\"}]}}")
                .post("/networks/create").then().statusCode(201);
        api().contentType("application/json").body("{\"Name\":\"it-s2\"}").post("/networks/create").then().statusCode(201);
        String outside = "{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"it-s1\"},\"NetworkingConfig\":{\"EndpointsConfig\":"
                + "{\"it-s1\":{\"IPAMConfig\":{\"IPv4Address\":\"10.99.0.5\"}}}}}";
        api().contentType("application/json").body(outside).post("/containers/create").then().statusCode(400)
                .body("message", equalTo("invalid endpoint settings:\nno configured subnet or ip-range contain the IP "
                        + "address 10.99.0.5"));
        api().contentType("application/json").body(outside.replace("it-s1", "it-s2")).post("/containers/create")
                .then().statusCode(400).body("message", equalTo("invalid endpoint settings:\nuser specified IP address "
                        + "is supported only when connecting to networks with user configured subnets"));
        api().contentType("application/json").body(outside.replace("10.99.0.5", "bogus")).post("/containers/create")
                .then().statusCode(400).body("message", equalTo("invalid endpoint settings:\ninvalid IPv4 address: bogus"));
        String fixed = outside.replace("10.99.0.5", "10.214.0.5");
        create("it-s-a", fixed);
        create("it-s-b", fixed);
        api().post("/containers/it-s-a/start").then().statusCode(204);
        api().post("/containers/it-s-b/start").then().statusCode(403).body("message", equalTo("Address already in use"));
        api().get("/containers/it-s-b/json").then().body("State.Status", equalTo("created"))
                .body("State.Error", equalTo("Address already in use"));
        create("it-s-c", "{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"nosuchnet\"}}");
        api().post("/containers/it-s-c/start").then().statusCode(404).body("message", equalTo("network nosuchnet not found"));
        for (String name : new String[] {"it-s-a", "it-s-b", "it-s-c"}) {
            api().delete("/containers/" + name + "?force=1").then().statusCode(204);
        }
        api().delete("/networks/it-s1").then().statusCode(204);
        api().delete("/networks/it-s2").then().statusCode(204);
    }

    @Test
    void versionGatesAndSmallRoutesAnswerLikeDocker() throws Exception {
        String two = "{\"Image\":\"x\",\"NetworkingConfig\":{\"EndpointsConfig\":{\"bridge\":{},\"none\":{}}}}";
        api().contentType("application/json").body(two).post("/v1.43/containers/create").then().statusCode(400)
                .body("message", equalTo("Container cannot be created with multiple network endpoints: bridge, none"));
        create("it-v1", "{\"Image\":\"x\"}");
        api().get("/containers/it-v1/logs").then().statusCode(400)
                .body("message", equalTo("Bad parameters: you must choose at least one stream"));
        api().get("/containers/it-v1/top").then().statusCode(409);
        api().post("/containers/it-v1/start").then().statusCode(204);
        api().get("/containers/it-v1/top").then().statusCode(200).body("Processes.size()", equalTo(0));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /containers/it-v1/wait?condition=removed HTTP/1.1\r\nHost: d\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            api().post("/containers/it-v1/stop").then().statusCode(204);
            api().delete("/containers/it-v1").then().statusCode(204);
            StringBuilder rest = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && !line.equals("0")) {
                rest.append(line).append('\n');
            }
            assertThat(rest.toString()).contains("{\"StatusCode\":143,\"Error\":null}");
        }
    }

    @Test
    void statsStreamUntilTheContainerStops() throws Exception {
        create("it-st", "{\"Image\":\"x\"}");
        api().get("/containers/it-st/stats?stream=false").then().statusCode(200)
                .body("read", equalTo("0001-01-01T00:00:00Z")).body("name", equalTo("/it-st"));
        api().post("/containers/it-st/start").then().statusCode(204);
        api().get("/containers/it-st/stats?stream=false").then().statusCode(200)
                .body("networks.eth0.rx_bytes", equalTo(0)).body("cpu_stats.online_cpus", org.hamcrest.Matchers.greaterThan(0));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /containers/it-st/stats HTTP/1.1\r\nHost: d\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("{")) {
                // headers and the first chunk size
            }
            assertThat(line).contains("\"name\":\"/it-st\"");
            api().post("/containers/it-st/stop").then().statusCode(204);
            while ((line = in.readLine()) != null && !line.equals("0")) {
                // any documents sent meanwhile
            }
            assertThat(line).as("the stream ends with the last chunk").isEqualTo("0");
        }
        api().delete("/containers/it-st").then().statusCode(204);
    }
}
