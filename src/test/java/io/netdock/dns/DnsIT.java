package io.netdock.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.netdock.testing.LoopbackDnsServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/**
 * Service discovery in simulated mode, as a user sees it: containers made through the Docker API, their names
 * asked through the JSON endpoint (REST Assured) and the host listener ({@code dig}, UDP and TCP). Forwarded
 * queries reach only a DNS server this test runs on 127.0.0.1: the host's nameserver in the resolv.conf the test
 * gives netdock is 127.0.0.1, and every upstream's port is pointed at the test's server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DnsIT {

    private static final Path STATE = temporaryDirectory();
    private static final LoopbackDnsServer UPSTREAM = upstream();

    @LocalServerPort
    int port;

    @Autowired
    HostDnsListener listener;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path resolvConf = STATE.resolve("host-resolv.conf");
        Files.writeString(resolvConf, "nameserver 127.0.0.1\nsearch example.test\n");
        registry.add("netdock.state-dir", () -> STATE.resolve("state").toString());
        registry.add("netdock.dns.host-resolv-conf", resolvConf::toString);
        registry.add("netdock.dns.host-listener", () -> "127.0.0.1:0");
    }

    /** Every upstream is asked at the test's own server, on 127.0.0.1: nothing leaves the machine. */
    @TestConfiguration
    static class OnlyTheTestsUpstream {

        @Bean
        @Primary
        UpstreamExchange testUpstream(SocketUpstreamExchange sockets) {
            return (upstream, query, transport, containerId) -> sockets.exchange(
                    new Upstream(UPSTREAM.address(), upstream.namespace()), query, transport, containerId);
        }
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    private RequestSpecification api() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON);
    }

    private void network(String name, boolean internal) {
        api().body("{\"Name\":\"" + name + "\",\"Internal\":" + internal + "}").post("/networks/create")
                .then().statusCode(201);
    }

    private void run(String name, String body) {
        api().body(body).post("/containers/create?name=" + name).then().statusCode(201);
        api().post("/containers/" + name + "/start").then().statusCode(204);
    }

    private void runOn(String name, String network, String... aliases) {
        StringBuilder list = new StringBuilder();
        for (String alias : aliases) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(alias).append('"');
        }
        run(name, "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"" + network + "\"},"
                + "\"NetworkingConfig\":{\"EndpointsConfig\":{\"" + network + "\":{\"Aliases\":[" + list + "]}}}}");
    }

    private String ip(String container, String network) {
        return api().get("/containers/" + container + "/json").then().statusCode(200)
                .extract().path("NetworkSettings.Networks.'" + network + "'.IPAddress");
    }

    /** The JSON endpoint's answer (200) to {@code name}/{@code type} asked in {@code container}. */
    private ValidatableResponse resolve(String container, String name, String type) {
        return api().queryParam("name", name).queryParam("type", type)
                .get("/netdock/containers/" + container + "/dns").then().statusCode(200);
    }

    private List<String> dig(String... arguments) {
        InetSocketAddress address = listener.address().orElseThrow();
        List<String> command = new ArrayList<>(List.of("dig", "@" + address.getAddress().getHostAddress(), "-p",
                Integer.toString(address.getPort()), "+time=3", "+tries=1"));
        command.addAll(Arrays.asList(arguments));
        try {
            Process dig = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(dig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dig.waitFor(20, TimeUnit.SECONDS)).isTrue();
            return out.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void containersFindEachOtherByNameAliasShortIdAndNameDotNetwork() {
        network("dns-a", false);
        runOn("dns-a-web", "dns-a", "svc");
        runOn("dns-a-db", "dns-a", "svc");
        runOn("dns-a-client", "dns-a");
        String web = ip("dns-a-web", "dns-a");
        String db = ip("dns-a-db", "dns-a");
        String shortId = api().get("/containers/dns-a-web/json").then().extract().<String>path("Id").substring(0, 12);
        resolve("dns-a-client", "dns-a-web", "A")
                .body("Rcode", equalTo("NOERROR"))
                .body("Local", equalTo(true))
                .body("Forwarded", equalTo(false))
                .body("Answers.Data", contains(web))
                .body("Answers.TTL", contains(600))
                .body("Question.Name", equalTo("dns-a-web."));
        resolve("dns-a-client", "DNS-A-WEB.dns-a", "A").body("Answers.Data", contains(web));
        resolve("dns-a-client", shortId, "A").body("Answers.Data", contains(web));
        resolve("dns-a-client", "svc", "A").body("Answers.Data", containsInAnyOrder(web, db));
        resolve("dns-a-client", "dns-a-web", "AAAA").body("Rcode", equalTo("NOERROR"))
                .body("Answers", empty()).body("Forwarded", equalTo(false));
        resolve("dns-a-client", web, "PTR").body("Answers.Data", contains("dns-a-web.dns-a."));
        resolve("dns-a-client", "dns-a-web", "MX").body("Rcode", equalTo("NOERROR")).body("Answers", empty());
    }

    @Test
    void theHostListenerAnswersOverUdpAndTcp() {
        network("dns-h", false);
        runOn("dns-h-web", "dns-h", "hsvc");
        String web = ip("dns-h-web", "dns-h");
        assertThat(dig("+short", "dns-h-web.dns-h")).containsExactly(web);
        assertThat(dig("+short", "+tcp", "dns-h-web.dns-h")).containsExactly(web);
        assertThat(dig("+short", "hsvc")).containsExactly(web);
        assertThat(dig("+short", "-x", web)).containsExactly("dns-h-web.dns-h.");
        assertThat(String.join("\n", dig("nobody.dns-h"))).contains("status: NXDOMAIN");
        assertThat(UPSTREAM.received()).noneMatch(q -> q.getQuestion().getName().toString().startsWith("nobody"));
    }

    @Test
    void renamesConnectsDisconnectsStopsAndStartsChangeAnswersAtOnce() {
        network("dns-c", false);
        runOn("dns-c-web", "dns-c");
        runOn("dns-c-client", "dns-c");
        String web = ip("dns-c-web", "dns-c");

        api().post("/containers/dns-c-web/rename?name=dns-c-renamed").then().statusCode(204);
        resolve("dns-c-client", "dns-c-renamed", "A").body("Answers.Data", contains(web));
        resolve("dns-c-client", "dns-c-web", "A").body("Local", equalTo(false)).body("Forwarded", equalTo(true));

        api().body("{\"Container\":\"dns-c-renamed\"}").post("/networks/dns-c/disconnect").then().statusCode(200);
        resolve("dns-c-client", "dns-c-renamed", "A").body("Local", equalTo(false));
        api().body("{\"Container\":\"dns-c-renamed\",\"EndpointConfig\":{\"Aliases\":[\"again\"]}}")
                .post("/networks/dns-c/connect").then().statusCode(200);
        String again = ip("dns-c-renamed", "dns-c");
        resolve("dns-c-client", "again", "A").body("Answers.Data", contains(again));

        api().post("/containers/dns-c-renamed/stop?t=0").then().statusCode(204);
        resolve("dns-c-client", "again", "A").body("Local", equalTo(false));
        assertThat(dig("+short", "again.dns-c")).isEmpty();
        api().get("/netdock/containers/dns-c-renamed/dns?name=dns-c-client").then().statusCode(409)
                .body("message", equalTo("container dns-c-renamed has no embedded DNS server: it is not running"));

        api().post("/containers/dns-c-renamed/start").then().statusCode(204);
        resolve("dns-c-client", "again", "A").body("Answers.Data", contains(ip("dns-c-renamed", "dns-c")));
        api().post("/containers/dns-c-renamed/restart?t=0").then().statusCode(204);
        resolve("dns-c-client", "again", "A").body("Answers.Data", contains(ip("dns-c-renamed", "dns-c")));

        api().delete("/containers/dns-c-renamed?force=true").then().statusCode(204);
        resolve("dns-c-client", "again", "A").body("Local", equalTo(false));
    }

    @Test
    void aLinkAliasIsSeenOnlyByTheLinkingContainer() {
        network("dns-l", false);
        runOn("dns-l-web", "dns-l");
        run("dns-l-linker", "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"dns-l\"},"
                + "\"NetworkingConfig\":{\"EndpointsConfig\":{\"dns-l\":{\"Links\":[\"dns-l-web:wl\"]}}}}");
        runOn("dns-l-other", "dns-l");
        resolve("dns-l-linker", "wl", "A").body("Answers.Data", contains(ip("dns-l-web", "dns-l")));
        resolve("dns-l-other", "wl", "A").body("Local", equalTo(false));
    }

    @Test
    void unknownNamesAreForwardedToTheHostsNameserversFromTheHostNamespace() {
        network("dns-f", false);
        runOn("dns-f-client", "dns-f");
        resolve("dns-f-client", "www.example.test", "A")
                .body("Forwarded", equalTo(true))
                .body("Local", equalTo(false))
                .body("Rcode", equalTo("NOERROR"))
                .body("Answers.Data", contains("\"from the test's upstream\""))
                .body("Upstream", equalTo("127.0.0.1:53"))
                .body("UpstreamNamespace", equalTo("host"));
        assertThat(UPSTREAM.received()).anyMatch(q -> q.getQuestion().getName().toString()
                .equals("www.example.test."));
    }

    @Test
    void anInternalNetworkHasNoHostUpstreamsButDnsServersAreStillTried() {
        network("dns-i", true);
        runOn("dns-i-alone", "dns-i");
        resolve("dns-i-alone", "www.example.test", "A").body("Rcode", equalTo("SERVFAIL"))
                .body("Forwarded", equalTo(true)).body("Upstream", nullValue());
        run("dns-i-dns", "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"dns-i\",\"Dns\":[\"127.0.0.1\"]}}");
        resolve("dns-i-dns", "www.example.test", "A").body("Rcode", equalTo("NOERROR"))
                .body("UpstreamNamespace", equalTo("container"));
        // connected to a network with external access, it may use the host's servers again
        network("dns-i-out", false);
        api().body("{\"Container\":\"dns-i-alone\"}").post("/networks/dns-i-out/connect").then().statusCode(200);
        resolve("dns-i-alone", "www.example.test", "A").body("Rcode", equalTo("NOERROR"))
                .body("UpstreamNamespace", equalTo("host"));
        api().body("{\"Container\":\"dns-i-alone\"}").post("/networks/dns-i-out/disconnect").then().statusCode(200);
        resolve("dns-i-alone", "www.example.test", "A").body("Rcode", equalTo("SERVFAIL"));
    }

    @Test
    void aContainerSharingAnotherOnesNamespaceAsksThatOnesResolver() {
        network("dns-s", false);
        runOn("dns-s-web", "dns-s");
        runOn("dns-s-owner", "dns-s");
        run("dns-s-side", "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"container:dns-s-owner\"}}");
        resolve("dns-s-side", "dns-s-web", "A").body("Answers.Data", contains(ip("dns-s-web", "dns-s")));
    }

    @Test
    void containersWithoutAnEmbeddedResolverAreAConflict() {
        run("dns-bridge", "{\"Image\":\"busybox\"}");
        api().get("/netdock/containers/dns-bridge/dns?name=x").then().statusCode(409)
                .body("message", equalTo("container dns-bridge has no embedded DNS server: "
                        + "it is not on a user-defined network"));
        api().get("/netdock/containers/dns-nobody/dns?name=x").then().statusCode(404)
                .body("message", equalTo("No such container: dns-nobody"));
        network("dns-e", false);
        runOn("dns-e-client", "dns-e");
        api().get("/netdock/containers/dns-e-client/dns?name=x&type=NOPE").then().statusCode(400);
        api().get("/netdock/containers/dns-e-client/dns").then().statusCode(400);
    }

    private static LoopbackDnsServer upstream() {
        try {
            return new LoopbackDnsServer(query -> {
                Message reply = DnsResolver.reply(query, Rcode.NOERROR);
                reply.addRecord(new TXTRecord(query.getQuestion().getName(), DClass.IN, 60,
                        "from the test's upstream"), Section.ANSWER);
                return reply;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("netdock-dns-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
