package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.NetdockApplication;
import io.netdock.kernel.KernelView;
import io.netdock.kernel.Plumbing;
import io.netdock.testing.UnixSocketClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Running containers, their endpoints, addresses, MACs and port bindings are exactly as before a restart. */
class ContainerRestartIT {

    private static ConfigurableApplicationContext start(Path state) {
        return new SpringApplicationBuilder(NetdockApplication.class)
                .run("--netdock.state-dir=" + state, "--server.port=0");
    }

    @Test
    void runningContainersComeBackWithTheSameNetworking() throws Exception {
        Path state = Files.createTempDirectory("netdock-containers-restart");
        String inspectWeb;
        String inspectStopped;
        String list;
        try (ConfigurableApplicationContext first = start(state);
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            client.post("/networks/create", "{\"Name\":\"rs-n1\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.213.0.0/24\"}]}}");
            client.post("/containers/create?name=rs-web", "{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},"
                    + "\"HostConfig\":{\"NetworkMode\":\"rs-n1\",\"PublishAllPorts\":true},\"NetworkingConfig\":"
                    + "{\"EndpointsConfig\":{\"rs-n1\":{\"Aliases\":[\"web\"]}}}}");
            assertThat(client.post("/containers/rs-web/start", "").getStatus()).isEqualTo(204);
            client.post("/containers/create?name=rs-old", "{\"Image\":\"busybox\"}");
            client.post("/containers/rs-old/start", "");
            client.post("/containers/rs-old/stop", "");
            inspectWeb = client.get("/containers/rs-web/json").getContentAsString();
            inspectStopped = client.get("/containers/rs-old/json").getContentAsString();
            list = client.get("/containers/json?all=1").getContentAsString();
        }
        try (ConfigurableApplicationContext second = start(state);
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            assertThat(client.get("/containers/rs-web/json").getContentAsString()).isEqualTo(inspectWeb);
            assertThat(client.get("/containers/rs-old/json").getContentAsString()).isEqualTo(inspectStopped);
            assertThat(stripStatus(client.get("/containers/json?all=1").getContentAsString())).isEqualTo(stripStatus(list));
            assertThat(inspectWeb).contains("\"IPAddress\":\"10.213.0.2\"", "\"MacAddress\":\"02:42:0a:d5:00:02\"",
                    "\"HostIp\":\"0.0.0.0\"");
            KernelView kernel = second.getBean(Plumbing.class).view();
            String sandbox = inspectWeb.replaceAll(".*\"SandboxID\":\"([0-9a-f]{64})\".*", "$1");
            assertThat(kernel.namespaces()).anyMatch(ns -> !ns.name().equals("host") && sandbox.startsWith(ns.name())
                    && ns.links().stream().anyMatch(link -> link.name().equals("eth0")));
            assertThat(kernel.ruleset()).contains("dport 32768");
            assertThat(client.get("/networks/rs-n1").getContentAsString()).contains("\"Name\":\"rs-web\"");
            assertThat(client.post("/containers/rs-web/stop", "").getStatus()).isEqualTo(204);
            assertThat(client.get("/networks/rs-n1").getContentAsString()).doesNotContain("rs-web");
        }
    }

    /** {@code Status} is relative to now ("Up 2 seconds"). */
    private static String stripStatus(String list) {
        return list.replaceAll("\"Status\":\"[^\"]*\"", "");
    }
}
