package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.netdock.events.EventLog;
import io.netdock.testing.WholeApplication;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /etc/hosts, resolv.conf and hostname as docker cp reads them, links included. */
class ContainerFilesIT extends WholeApplication {

    @Autowired
    EventLog events;

    private void run(String name, String body) {
        api().contentType("application/json").body(body).post("/containers/create?name=" + name).then().statusCode(201);
        api().post("/containers/" + name + "/start").then().statusCode(204);
    }

    private String file(String container, String path) {
        Response response = api().queryParam("path", path).get("/containers/" + container + "/archive");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        byte[] tar = response.asByteArray();
        assertThat(response.contentType()).isEqualTo("application/x-tar");
        assertThat(tar.length % 512).isZero();
        String name = new String(tar, 0, 100, StandardCharsets.UTF_8).replace("\0", "");
        assertThat(path).endsWith("/" + name);
        int size = Integer.parseInt(new String(tar, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
        return new String(Arrays.copyOfRange(tar, 512, 512 + size), StandardCharsets.UTF_8);
    }

    private String ip(String container, String network) {
        return api().get("/containers/" + container + "/json").jsonPath()
                .getString("NetworkSettings.Networks.'" + network + "'.IPAddress");
    }

    @Test
    void aUserNetworkContainerHasItsNamesAndTheEmbeddedResolver() throws Exception {
        api().contentType("application/json").body("{\"Name\":\"fi-n1\"}").post("/networks/create").then().statusCode(201);
        run("fi-u1", "{\"Image\":\"x\",\"Hostname\":\"myhost\",\"Domainname\":\"example.org\",\"HostConfig\":{\"NetworkMode\":"
                + "\"fi-n1\",\"ExtraHosts\":[\"foo:10.0.0.1\",\"gw:host-gateway\"],\"DnsSearch\":[\"example.com\"],"
                + "\"DnsOptions\":[\"ndots:2\"]}}");
        String hosts = file("fi-u1", "/etc/hosts");
        assertThat(hosts).startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n")
                .endsWith("10.0.0.1\tfoo\n172.17.0.1\tgw\n" + ip("fi-u1", "fi-n1") + "\tmyhost.example.org myhost\n");
        String resolv = file("fi-u1", "/etc/resolv.conf");
        assertThat(resolv).contains("nameserver 127.0.0.11\nsearch example.com\noptions ndots:2\n")
                .as("the test's host resolv.conf has no nameserver").doesNotContain("ExtServers");
        Path hostFile = STATE_DIR.resolve("no-host-resolv.conf");
        try {
            Files.writeString(hostFile, "nameserver 127.0.0.53\nsearch host.example\n");
            assertThat(file("fi-u1", "/etc/resolv.conf"))
                    .as("netdock.dns.host-resolv-conf is what the file is rendered from, read anew")
                    .contains("# Based on host file: '" + hostFile + "'")
                    .contains("# ExtServers: [host(127.0.0.53)]");
        } finally {
            Files.deleteIfExists(hostFile);
        }
        assertThat(file("fi-u1", "/etc/hostname")).isEqualTo("myhost\n");
        api().post("/containers/fi-u1/stop").then().statusCode(204);
        assertThat(file("fi-u1", "/etc/hosts")).as("the file outlives the run, as on Docker").isEqualTo(hosts);
        api().delete("/containers/fi-u1?force=1").then().statusCode(204);
        api().delete("/networks/fi-n1").then().statusCode(204);
    }

    @Test
    void legacyLinksAreHostsLinesThatFollowTheTarget() {
        run("fi-l1", "{\"Image\":\"x\",\"Hostname\":\"l1host\"}");
        run("fi-l2", "{\"Image\":\"x\",\"HostConfig\":{\"Links\":[\"fi-l1:db\",\"fi-l1\"]}}");
        String target = ip("fi-l1", "bridge");
        assertThat(file("fi-l2", "/etc/hosts")).contains(target + "\tdb l1host fi-l1\n" + target + "\tfi-l1 l1host\n");
        api().get("/containers/fi-l2/json").then().body("HostConfig.Links",
                equalTo(List.of("/fi-l1:/fi-l2/db", "/fi-l1:/fi-l2/fi-l1")));
        api().queryParam("filters", "{\"name\":[\"^fi-l1$\"]}").get("/containers/json").then()
                .body("[0].Names", equalTo(List.of("/fi-l1", "/fi-l2/db", "/fi-l2/fi-l1")));
        api().post("/containers/fi-l1/stop").then().statusCode(204);
        run("fi-l3", "{\"Image\":\"x\"}");
        api().post("/containers/fi-l1/start").then().statusCode(204);
        String moved = ip("fi-l1", "bridge");
        assertThat(moved).isNotEqualTo(target);
        assertThat(file("fi-l2", "/etc/hosts")).contains(moved + "\tdb l1host fi-l1\n");
        api().delete("/containers/fi-l2/db?link=true").then().statusCode(204);
        api().delete("/containers/fi-l2/nosuch?link=true").then().statusCode(404)
                .body("message", equalTo("No such container: fi-l2/nosuch"));
        api().delete("/containers/fi-l1?link=true").then().statusCode(500)
                .body("message", equalTo("Conflict, cannot remove the default link name of the container"));
        api().get("/containers/fi-l2/json").then().body("HostConfig.Links", equalTo(List.of("/fi-l1:/fi-l2/fi-l1")));
        api().post("/containers/fi-l1/stop").then().statusCode(204);
        api().post("/containers/fi-l2/restart").then().statusCode(500)
                .body("message", equalTo("Cannot link to a non running container: /fi-l1 AS /fi-l2/fi-l1"));
        for (String name : new String[] {"fi-l1", "fi-l2", "fi-l3"}) {
            api().delete("/containers/" + name + "?force=1").then().statusCode(204);
        }
    }

    @Test
    void aLinkTargetMustBeOnTheDefaultBridge() {
        api().contentType("application/json").body("{\"Name\":\"fi-n2\"}").post("/networks/create").then().statusCode(201);
        run("fi-w1", "{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"fi-n2\"}}");
        api().contentType("application/json").body("{\"Image\":\"x\",\"HostConfig\":{\"Links\":[\"fi-w1:w\"]}}")
                .post("/containers/create?name=fi-k1").then().statusCode(201);
        api().post("/containers/fi-k1/start").then().statusCode(500)
                .body("message", equalTo("Cannot link to /fi-w1, as it does not belong to the default network"));
        api().get("/containers/fi-k1/json").then().body("State.Status", equalTo("created"))
                .body("State.ExitCode", equalTo(128))
                .body("State.Error", equalTo("Cannot link to /fi-w1, as it does not belong to the default network"));
        // once the target is also on the default bridge the link works; list names come in byte order
        api().contentType("application/json").body("{\"Container\":\"fi-w1\"}").post("/networks/bridge/connect")
                .then().statusCode(200);
        api().post("/containers/fi-k1/start").then().statusCode(204);
        assertThat(file("fi-k1", "/etc/hosts")).contains(ip("fi-w1", "bridge") + "\tw ");
        api().queryParam("filters", "{\"name\":[\"^fi-w1$\"]}").get("/containers/json").then()
                .body("[0].Names", equalTo(List.of("/fi-k1/w", "/fi-w1")));
        for (String name : new String[] {"fi-k1", "fi-w1"}) {
            api().delete("/containers/" + name + "?force=1").then().statusCode(204);
        }
        api().delete("/networks/fi-n2").then().statusCode(204);
    }

    @Test
    void theArchiveAnswersLikeDockerForStatsAndMissingPaths() {
        run("fi-a1", "{\"Image\":\"x\",\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        Response head = api().queryParam("path", "/etc/../etc/./hostname").head("/containers/fi-a1/archive");
        assertThat(head.statusCode()).isEqualTo(200);
        String stat = new String(Base64.getDecoder().decode(head.header("X-Docker-Container-Path-Stat")),
                StandardCharsets.UTF_8);
        assertThat(stat).startsWith("{\"name\":\"hostname\",\"size\":13,\"mode\":420,\"mtime\":\"");
        assertThat(file("fi-a1", "/etc/hosts")).doesNotContain("\t" + api().get("/containers/fi-a1/json")
                .jsonPath().getString("Config.Hostname") + "\n");
        long before = events.history().size();
        api().queryParam("path", "/etc").get("/containers/fi-a1/archive").then().statusCode(200);
        assertThat(events.history().stream().skip(before).map(e -> e.type() + " " + e.action()))
                .as("an archive handed out is an event (a stat is not)").containsExactly("container archive-path");
        api().queryParam("path", "/nonexistent").get("/containers/fi-a1/archive").then().statusCode(404)
                .body("message", equalTo("Could not find the file /nonexistent in container fi-a1"));
        api().get("/containers/fi-a1/archive").then().statusCode(400)
                .body("message", equalTo("bad parameter: pathcannot be empty"));
        api().queryParam("path", "/etc/hosts").get("/containers/nosuch/archive").then().statusCode(404)
                .body("message", equalTo("No such container: nosuch"));
        api().delete("/containers/fi-a1?force=1").then().statusCode(204);
    }
}
