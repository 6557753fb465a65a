package io.netdock.dns.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.linux.InNamespace;
import io.netdock.testing.LoopbackDnsServer;
import io.netdock.testing.ThrowawayHost;
import io.netdock.testing.WholeLinuxApplication;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The embedded DNS resolver in linux mode, asked as a process in a container would: {@code dig @127.0.0.11} run
 * inside the container's sandbox. The host is a throwaway namespace; the upstream servers are the test's own, in
 * namespaces it made — the host's nameserver on {@code 127.0.0.53} inside netdock's host namespace (as
 * systemd-resolved would be, reachable only from there), a {@code --dns} server on the "client" machine's address.
 * No query leaves the machine.
 */
class EmbeddedDnsKernelIT extends WholeLinuxApplication {

    private static final ThrowawayHost host = ThrowawayHost.named("ndk-dns");
    private static final Path HOST_RESOLV_CONF = Path.of(System.getProperty("java.io.tmpdir"),
            "ndk-dns-resolv-" + UUID.randomUUID() + ".conf");
    /** In netdock's (throwaway) host namespace, where no other server can hold it. */
    private static final int HOST_LISTENER_PORT = 5353;
    private static LoopbackDnsServer hostNameserver;
    private static LoopbackDnsServer clientNameserver;

    @DynamicPropertySource
    static void linuxMode(DynamicPropertyRegistry registry) {
        host.linuxMode(registry);
        registry.add("netdock.dns.host-resolv-conf", HOST_RESOLV_CONF::toString);
        registry.add("netdock.dns.host-listener", () -> "127.0.0.1:" + HOST_LISTENER_PORT);
    }

    @BeforeAll
    static void startNameservers() throws Exception {
        Files.writeString(HOST_RESOLV_CONF, "nameserver 127.0.0.53\n");
        hostNameserver = InNamespace.call(host.hostKey(), () -> new LoopbackDnsServer(
                answering("outside.test.", "192.0.2.7"), new InetSocketAddress("127.0.0.53", 53)));
        clientNameserver = InNamespace.call(host.clientKey(), () -> new LoopbackDnsServer(
                answering("custom.test.", "192.0.2.8"), new InetSocketAddress(ThrowawayHost.CLIENT_ADDRESS, 53)));
    }

    @AfterAll
    static void stopNameservers() throws IOException {
        hostNameserver.close();
        clientNameserver.close();
        Files.deleteIfExists(HOST_RESOLV_CONF);
    }

    /** An A record for {@code name}, NXDOMAIN for anything else. */
    private static Function<Message, Message> answering(String name, String address) {
        return query -> {
            Message reply = new Message(query.getHeader().getID());
            reply.getHeader().setFlag(Flags.QR);
            reply.getHeader().setFlag(Flags.RA);
            Record question = query.getQuestion();
            reply.addRecord(question, Section.QUESTION);
            if (question.getName().toString().equals(name) && question.getType() == Type.A) {
                try {
                    reply.addRecord(new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByName(address)),
                            Section.ANSWER);
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            } else {
                reply.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            return reply;
        };
    }

    @Override
    protected RequestSpecification api() {
        return super.api().contentType("application/json");
    }

    private void network(String name, String body) {
        api().body("{\"Name\":\"" + name + "\"" + body + "}").post("/networks/create").then().statusCode(201);
    }

    private JsonPath run(String name, String network, String aliases, String hostConfig) {
        api().body("{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"" + network + "\"" + hostConfig
                        + "},\"NetworkingConfig\":{\"EndpointsConfig\":{\"" + network + "\":{\"Aliases\":[" + aliases
                        + "]}}}}")
                .post("/containers/create?name=" + name).then().statusCode(201);
        api().post("/containers/" + name + "/start").then().statusCode(204);
        return inspect(name);
    }

    private JsonPath inspect(String container) {
        return api().get("/containers/" + container + "/json").then().statusCode(200).extract().jsonPath();
    }

    private static Path sandbox(JsonPath inspect) {
        return Path.of(inspect.getString("NetworkSettings.SandboxKey"));
    }

    private static String ip(JsonPath inspect, String network) {
        return inspect.getString("NetworkSettings.Networks.'" + network + "'.IPAddress");
    }

    @Test
    void theHostListenerAnswersInsideNetdocksHostNamespaceOverUdpAndTcp() {
        network("dns-h", ",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.10.0/24\"}]}");
        String webIp = ip(run("hweb", "dns-h", "\"hsvc\"", ""), "dns-h");

        assertThat(Dig.answersAt(host.hostKey(), "127.0.0.1", HOST_LISTENER_PORT, "hweb.dns-h"))
                .containsExactly(webIp);
        assertThat(Dig.answersAt(host.hostKey(), "127.0.0.1", HOST_LISTENER_PORT, "+tcp", "hsvc"))
                .containsExactly(webIp);
    }

    @Test
    void anotherContainerIsFoundByNameAliasNetworkQualifiedNameAndShortId() {
        network("dns-a", ",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.1.0/24\"}]}");
        JsonPath web = run("web", "dns-a", "\"svc\",\"www\"", "");
        JsonPath db = run("db", "dns-a", "\"svc\"", "");
        Path from = sandbox(db);
        String webIp = ip(web, "dns-a");

        assertThat(Dig.answers(from, "web")).containsExactly(webIp);
        assertThat(Dig.answers(from, "WEB.dns-a")).containsExactly(webIp);
        assertThat(Dig.answers(from, "www")).containsExactly(webIp);
        assertThat(Dig.answers(from, web.getString("Id").substring(0, 12))).containsExactly(webIp);
        assertThat(Dig.answers(from, "svc")).containsExactlyInAnyOrder(webIp, ip(db, "dns-a"));
        assertThat(Dig.ask(from, "web")).contains("web.\t\t\t600\tIN\tA\t" + webIp);
    }

    @Test
    void aSharedAliasIsAnsweredInChangingOrder() {
        network("dns-rr", ",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.2.0/24\"}]}");
        Path from = sandbox(run("rr1", "dns-rr", "\"pool\"", ""));
        run("rr2", "dns-rr", "\"pool\"", "");
        run("rr3", "dns-rr", "\"pool\"", "");

        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 30 && orders.size() < 2; i++) {
            List<String> answer = Dig.answers(from, "pool");
            assertThat(answer).containsExactlyInAnyOrder("10.245.2.2", "10.245.2.3", "10.245.2.4");
            orders.add(answer);
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void aLocalAddressHasItsPtrNameAndAnUnknownOneIsForwarded() {
        network("dns-ptr", ",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.3.0/24\"}]}");
        JsonPath named = run("named", "dns-ptr", "", "");
        Path from = sandbox(run("asker", "dns-ptr", "", ""));

        assertThat(Dig.answers(from, "-x", ip(named, "dns-ptr"))).containsExactly("named.dns-ptr.");
        assertThat(Dig.status(from, "-x", "10.245.3.200")).isEqualTo("NXDOMAIN");
        assertThat(hostNameserver.received()).anyMatch(query -> query.getQuestion().getName().toString()
                .equals("200.3.245.10.in-addr.arpa."));
    }

    @Test
    void aDualStackContainerHasAnAaaaRecordAndAnIpv4OnlyOneAnEmptyAnswer() {
        network("dns-v6", ",\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.4.0/24\"},"
                + "{\"Subnet\":\"fd00:245:4::/64\"}]}");
        JsonPath six = run("six", "dns-v6", "", "");
        Path from = sandbox(run("six-asker", "dns-v6", "", ""));
        String v6 = six.getString("NetworkSettings.Networks.'dns-v6'.GlobalIPv6Address");

        assertThat(Dig.answers(from, "AAAA", "six")).containsExactly(v6);
        assertThat(Dig.answers(from, "A", "six")).containsExactly(ip(six, "dns-v6"));

        network("dns-v4", ",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.5.0/24\"}]}");
        run("four", "dns-v4", "", "");
        Path fromFour = sandbox(run("four-asker", "dns-v4", "", ""));
        assertThat(Dig.status(fromFour, "AAAA", "four")).isEqualTo("NOERROR");
        assertThat(Dig.answers(fromFour, "AAAA", "four")).isEmpty();
    }

    @Test
    void onAnInternalNetworkLocalNamesResolveAndUnknownOnesFailWithoutReachingTheHostsNameserver() {
        network("dns-int", ",\"Internal\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.6.0/24\"}]}");
        JsonPath inside = run("inside", "dns-int", "", "");
        Path from = sandbox(run("inside-asker", "dns-int", "", ""));

        assertThat(Dig.answers(from, "inside")).containsExactly(ip(inside, "dns-int"));
        assertThat(Dig.status(from, "internal-only.test")).isEqualTo("SERVFAIL");
        assertThat(hostNameserver.received()).noneMatch(query -> query.getQuestion().getName().toString()
                .equals("internal-only.test."));
    }

    @Test
    void unknownNamesGoToTheHostsNameserverFromTheHostNamespaceAndToDnsServersFromTheContainer() {
        network("dns-fwd", ",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.7.0/24\"}]}");
        Path plain = sandbox(run("plain", "dns-fwd", "", ""));
        Path custom = sandbox(run("custom", "dns-fwd", "", ",\"Dns\":[\"" + ThrowawayHost.CLIENT_ADDRESS + "\"]"));

        // 127.0.0.53 answers only inside netdock's host namespace: the forward left from there
        assertThat(Dig.answers(plain, "outside.test")).containsExactly("192.0.2.7");
        assertThat(Dig.status(plain, "nowhere.test")).isEqualTo("NXDOMAIN");
        assertThat(Dig.answers(plain, "+tcp", "outside.test")).containsExactly("192.0.2.7");
        // a --dns server replaces the host's; reached from the container's namespace through its gateway
        assertThat(Dig.answers(custom, "custom.test")).containsExactly("192.0.2.8");
        assertThat(Dig.status(custom, "outside.test")).isEqualTo("NXDOMAIN");
        assertThat(clientNameserver.received()).anyMatch(query -> query.getQuestion().getName().toString()
                .equals("custom.test."));
    }

    @Test
    void tcpQueriesAreAnsweredAndALongUdpAnswerIsTruncated() {
        network("dns-big", ",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.8.0/24\"}]}");
        Path from = sandbox(run("big0", "dns-big", "\"many\"", ""));
        for (int i = 1; i < 32; i++) {
            run("big" + i, "dns-big", "\"many\"", "");
        }

        assertThat(Dig.answers(from, "+tcp", "big5")).containsExactly("10.245.8.7");
        String udp = Dig.ask(from, "+notcp", "+ignore", "+noedns", "many");
        assertThat(udp).containsPattern("flags: qr [a-z ]*tc");
        assertThat(udp).as("as many of the 32 answers as fit in 512 bytes, as Docker's").contains("ANSWER: 30,");
        assertThat(Dig.answers(from, "+tcp", "many")).hasSize(32);
        assertThat(Dig.answers(from, "many")).as("dig retries over TCP after TC").hasSize(32);
    }

    @Test
    void theRulesAreInTheSandboxAndLeaveWithTheLastUserNetworkAndWithTheContainer() {
        network("dns-tear", ",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.9.0/24\"}]}");
        run("target", "dns-tear", "", "");
        api().body("{\"Image\":\"busybox\"}").post("/containers/create?name=leaver").then().statusCode(201);
        api().post("/containers/leaver/start").then().statusCode(204);
        Path leaver = sandbox(inspect("leaver"));
        assertThat(ThrowawayHost.in(leaver, "nft", "list", "ruleset")).doesNotContain("docker-dns");
        assertThat(Dig.ask(leaver, "target")).contains("connection refused");

        api().body("{\"Container\":\"leaver\"}").post("/networks/dns-tear/connect").then().statusCode(200);
        assertThat(Dig.answers(leaver, "target")).containsExactly("10.245.9.2");
        assertThat(ThrowawayHost.in(leaver, "nft", "list", "ruleset")).contains("table ip docker-dns");
        String sandboxName = leaver.getFileName().toString();
        JsonPath view = api().get("/netdock/kernel").then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("Namespaces.find { it.Name == '" + sandboxName + "' }.Ruleset"))
                .contains("table ip docker-dns", "dnat to 127.0.0.11:");

        api().body("{\"Container\":\"leaver\"}").post("/networks/dns-tear/disconnect").then().statusCode(200);
        assertThat(ThrowawayHost.in(leaver, "nft", "list", "ruleset")).doesNotContain("docker-dns");
        assertThat(Dig.ask(leaver, "target")).contains("connection refused");

        Path target = sandbox(inspect("target"));
        api().post("/containers/target/stop").then().statusCode(204);
        assertThat(Files.exists(target)).isFalse();
    }
}
