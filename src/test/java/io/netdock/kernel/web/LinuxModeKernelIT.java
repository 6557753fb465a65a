package io.netdock.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.netdock.kernel.Plumbing;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayNamespace;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application in linux mode, its host being a throwaway namespace: the kernel view is the real one. */
@RealKernel
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LinuxModeKernelIT {

    private static final String HOST_NETNS = "ndk-app-" + UUID.randomUUID().toString().substring(0, 8);
    private static Path stateDirectory;

    @LocalServerPort
    int port;

    @Autowired
    Plumbing plumbing;

    @DynamicPropertySource
    static void linuxMode(DynamicPropertyRegistry registry) throws IOException {
        stateDirectory = Files.createTempDirectory("netdock-linux-it");
        registry.add("netdock.state-dir", stateDirectory::toString);
        registry.add("netdock.kernel.mode", () -> "linux");
        registry.add("netdock.kernel.host-netns", () -> HOST_NETNS);
    }

    @AfterAll
    static void removeNamespaces() {
        if (stateDirectory != null) {
            ThrowawayNamespace.exec(java.util.List.of("umount", "-l", stateDirectory.resolve("netns").toString()));
            ThrowawayNamespace.exec(java.util.List.of("rm", "-rf", stateDirectory.toString()));
        }
        ThrowawayNamespace.exec(java.util.List.of("ip", "netns", "del", HOST_NETNS));
    }

    /** At start netdock sets up the default bridge (docker0, 172.17.0.1/16) in the host namespace it was given. */
    @Test
    void theViewShowsTheRealHostNamespaceNetdockCreated() {
        String ruleset = RestAssured.given().baseUri("http://127.0.0.1").port(port).get("/netdock/kernel").then()
                .statusCode(200)
                .body("Mode", equalTo("linux"))
                .body("Namespaces[0].Name", equalTo("host"))
                .body("Namespaces[0].Links[0].Name", equalTo("lo"))
                .body("Namespaces[0].Links[0].Up", equalTo(true))
                .body("Namespaces[0].Links.find { it.Name == 'docker0' }.Up", equalTo(true))
                .extract().path("Ruleset");
        assertThat(ruleset).startsWith("table inet netdock {")
                .contains("ip saddr 172.17.0.0/16 oifname != \"docker0\" masquerade");
        assertThat(ThrowawayNamespace.run("ip", "netns", "exec", HOST_NETNS, "nft", "list", "table", "inet", "netdock"))
                .isEqualTo(ruleset);
        assertThat(ThrowawayNamespace.run("ip", "netns", "exec", HOST_NETNS, "ip", "-4", "addr", "show", "docker0"))
                .contains("172.17.0.1/16");
        assertThat(plumbing.view().mode()).isEqualTo("linux");
    }
}
