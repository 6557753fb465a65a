package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ApiClient;
import io.netdock.testing.ApiClient.Reply;
import io.netdock.testing.RunningNetdock;
import io.netdock.testing.StateFingerprint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Random hostile requests against a running netdock (simulated kernel, H2): bodies of network create, container
 * create (then start) and connect, and absurd query values. Every answer must be below 500 (or one of Docker's own
 * 500s, {@link DockerServerErrors}), carry Docker's {@code {"message": ...}}, and a refused request must leave the
 * state fingerprint — networks, containers, kernel view, row counts — exactly as it was. What a request did create
 * is removed again and must leave the fingerprint as before too. Inputs come from a seeded {@link Hostile}: the run
 * prints its seed, {@code -Dnetdock.hostile.seed=N} replays it, and each test makes {@value Hostile#DEFAULT_TRIES}
 * tries ({@code -Dnetdock.hostile.tries=N} for more).
 */
class HostileInputIT {

    private static final String NETWORK_TEMPLATE = """
            {"Name":"hostile-new","Driver":"bridge","Internal":false,"Attachable":true,"EnableIPv6":false,
             "IPAM":{"Driver":"default","Config":[{"Subnet":"10.201.0.0/24","IPRange":"10.201.0.0/25",
               "Gateway":"10.201.0.1","AuxiliaryAddresses":{"aux":"10.201.0.5"}}],"Options":{}},
             "Options":{"com.docker.network.bridge.name":"hostile0","com.docker.network.driver.mtu":"1500",
               "com.docker.network.bridge.enable_icc":"true"},"Labels":{"purpose":"hostile"}}""";

    private static final String CONTAINER_TEMPLATE = """
            {"Image":"busybox","Hostname":"h","Env":["A=1"],"Cmd":["sh"],"Labels":{"a":"b"},
             "ExposedPorts":{"80/tcp":{},"53/udp":{}},"StopSignal":"SIGTERM","StopTimeout":10,"Tty":false,
             "HostConfig":{"NetworkMode":"hostile-n","PortBindings":{"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"18080"}],
               "53/udp":[{"HostIp":"","HostPort":""}]},"PublishAllPorts":false,"Dns":["10.0.0.53"],
               "DnsOptions":["ndots:2"],"DnsSearch":["example.com"],"ExtraHosts":["h:10.0.0.1"],"Links":[],
               "AutoRemove":false,"RestartPolicy":{"Name":"no","MaximumRetryCount":0}},
             "NetworkingConfig":{"EndpointsConfig":{"hostile-n":{"IPAMConfig":{"IPv4Address":"10.123.0.50"},
               "Aliases":["x"],"MacAddress":"02:42:0a:7b:00:32"}}}}""";

    private static final String CONNECT_TEMPLATE = """
            {"Container":"hostile-idle","EndpointConfig":{"IPAMConfig":{"IPv4Address":"10.123.0.60","IPv6Address":""},
             "Aliases":["a"],"Links":[],"MacAddress":"","DriverOpts":{"k":"v"},"GwPriority":0}}""";

    private static RunningNetdock netdock;
    private static ApiClient api;
    private static DataSource database;
    private static StateFingerprint expected;
    private static final Map<String, AtomicLong> tally = new ConcurrentHashMap<>();

    static Stream<Hostile.Try> tries() {
        return Hostile.tries();
    }

    @BeforeAll
    static void start() {
        netdock = RunningNetdock.start();
        api = ApiClient.tcp(netdock.port());
        database = netdock.bean(DataSource.class);
        expectStatus(api.post("/networks/create", "{\"Name\":\"hostile-n\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.123.0.0/24\"}]}}"), 201);
        expectStatus(api.post("/containers/create?name=hostile-c", "{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},"
                + "\"HostConfig\":{\"NetworkMode\":\"hostile-n\",\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"\"}]}}}"), 201);
        expectStatus(api.post("/containers/hostile-c/start"), 204);
        expectStatus(api.post("/containers/create?name=hostile-idle", "{\"Image\":\"busybox\"}"), 201);
        expectStatus(api.post("/containers/create?name=hostile-idle2", "{\"Image\":\"busybox\"}"), 201);
        expected = StateFingerprint.of(api, database);
    }

    @AfterAll
    static void stop() {
        System.out.println("hostile input tally (route → status: requests): " + new TreeMap<>(tally));
        if (api != null) {
            api.close();
        }
        if (netdock != null) {
            netdock.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tries")
    void networkCreateBodies(Hostile.Try attempt) {
        String body = HostileJson.body(attempt.random("networkCreateBodies"), NETWORK_TEMPLATE);
        Reply reply = checked("POST /networks/create", api.post("/networks/create", body));
        if (reply.ok()) {
            expectStatus(api.delete("/networks/" + reply.json().path("Id").asString()), 204);
        }
        assertUnchanged("POST /networks/create " + body, reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tries")
    void containerCreateBodiesThenStart(Hostile.Try attempt) {
        Hostile random = attempt.random("containerCreateBodiesThenStart");
        String body = HostileJson.body(random, CONTAINER_TEMPLATE);
        String name = containerName(random);
        String path = "/containers/create" + (name.isEmpty() ? "" : "?name=" + encode(name));
        Reply reply = checked("POST /containers/create", api.post(path, body));
        if (reply.ok()) {
            String id = reply.json().path("Id").asString();
            checked("POST /containers/{id}/start", api.post("/containers/" + id + "/start"));
            expectStatus(api.delete("/containers/" + id + "?force=1"), 204);
        }
        assertUnchanged("POST " + path + " " + body, reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tries")
    void connectBodies(Hostile.Try attempt) {
        String body = HostileJson.body(attempt.random("connectBodies"), CONNECT_TEMPLATE);
        Reply reply = checked("POST /networks/{id}/connect", api.post("/networks/hostile-n/connect", body));
        if (reply.ok()) {
            JsonNode sent = HostileJson.JSON.readTree(body.replace("\uFEFF", ""));
            expectStatus(api.post("/networks/hostile-n/disconnect",
                    "{\"Container\":" + HostileJson.JSON.writeValueAsString(sent.path("Container")) + "}"), 200);
        }
        assertUnchanged("POST /networks/hostile-n/connect " + body, reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tries")
    void absurdQueryValues(Hostile.Try attempt) {
        Probe probe = query(attempt.random("absurdQueryValues"));
        String method = probe.template().substring(0, probe.template().indexOf(' '));
        String path = probe.template().substring(method.length() + 1).formatted(encode(probe.value()));
        Reply reply = checked(probe.template(), api.send(api.request(method, path)), !method.equals("HEAD"));
        if (reply.ok() && method.equals("POST")) {
            // a valid stop/kill/restart value: leave the container stopped and take that as the state
            api.post("/containers/hostile-idle2/stop");
            expected = StateFingerprint.of(api, database);
        }
        assertUnchanged(method + " " + path, reply);
    }

    /** A request line with {@code %s} where the value goes (URL-encoded). */
    record Probe(String template, String value) {
    }

    private static String containerName(Hostile random) {
        return random.weighted(Hostile.weight(3, r -> ""), Hostile.weight(1, r -> r.oneOf(HostileJson.STRINGS)),
                Hostile.weight(1, r -> r.anyString(20)));
    }

    private static final List<String> QUERY_VALUES = List.of("-1", "99999999999", "999999999999999999999999", "abc",
            "1.5", "+3", "0", "", "%", "{}", "{\"name\":[1]}", "{\"name\":{\"x\":\"y\"}}", "[\"a\"]",
            "{\"dangling\":[\"maybe\"]}", "{\"label\":{\"\":true}}", "{\"until\":{\"-99999999999999h\":true}}");

    private static final List<String> QUERY_TEMPLATES = List.of(
            "GET /containers/json?all=1&limit=%s", "GET /containers/json?all=%s",
            "GET /containers/json?all=1&filters=%s", "GET /containers/json?size=%s",
            "GET /networks?filters=%s", "GET /networks/hostile-n?verbose=%s", "GET /networks/hostile-n?scope=%s",
            "GET /images/json?filters=%s", "POST /networks/prune?filters=%s",
            "POST /containers/hostile-idle2/stop?t=%s", "POST /containers/hostile-idle2/kill?signal=%s",
            "POST /containers/hostile-idle2/restart?t=%s", "POST /containers/hostile-idle2/stop?signal=%s",
            "GET /events?until=1&since=%s", "GET /events?since=0&until=x%s",
            "GET /containers/hostile-c/archive?path=%s", "HEAD /containers/hostile-c/archive?path=%s",
            "GET /containers/hostile-c/json?size=%s", "GET /containers/%s/json", "GET /networks/%s",
            "POST /containers/%s/stop", "DELETE /networks/%s");

    private static Probe query(Hostile random) {
        String template = random.oneOf(QUERY_TEMPLATES);
        String value = random.weighted(Hostile.weight(1, r -> r.oneOf(HostileJson.STRINGS)),
                Hostile.weight(1, r -> r.oneOf(QUERY_VALUES)), Hostile.weight(1, r -> r.anyString(16)));
        return new Probe(template, value);
    }

    /** Any 5xx must be Docker's own; every error carries Docker's message body. */
    private static Reply checked(String route, Reply reply) {
        return checked(route, reply, true);
    }

    private static Reply checked(String route, Reply reply, boolean withBody) {
        tally.computeIfAbsent(route + " → " + reply.status(), k -> new AtomicLong()).incrementAndGet();
        if (reply.status() >= 500) {
            assertThat(reply.status() == 500 && (!withBody || DockerServerErrors.isDockers(500, reply.message())))
                    .as("%s answered %s", route, reply).isTrue();
        }
        if (reply.status() >= 400 && withBody) {
            assertThat(reply.message()).as("%s answered %s without Docker's {\"message\":...}", route, reply)
                    .isNotNull()
                    .doesNotContain("io.netdock", "java.", "tools.jackson", "org.springframework", "Exception");
        }
        return reply;
    }

    private static void assertUnchanged(String request, Reply reply) {
        StateFingerprint now = StateFingerprint.of(api, database);
        if (reply.ok()) {
            // what an accepted request created was removed again; images it recorded stay, as after a pull
            expected = new StateFingerprint(expected.networks(), expected.containers(), expected.kernel(),
                    withImages(expected.rows(), now.rows().get("image_tag")));
        }
        assertThat(now).as("state after %s → %s", request, reply).isEqualTo(expected);
    }

    private static Map<String, Long> withImages(Map<String, Long> rows, long images) {
        Map<String, Long> copy = new java.util.LinkedHashMap<>(rows);
        copy.put("image_tag", images);
        return copy;
    }

    private static void expectStatus(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
