package io.netdock.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.netdock.kernel.Plumbing;
import io.netdock.testing.ThrowawayHost;
import io.netdock.testing.WholeLinuxApplication;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application in linux mode, its host being a throwaway namespace: the kernel view is the real one. */
class LinuxModeKernelIT extends WholeLinuxApplication {

    private static final ThrowawayHost host = ThrowawayHost.named("ndk-app");

    @Autowired
    Plumbing plumbing;

    @DynamicPropertySource
    static void linuxMode(DynamicPropertyRegistry registry) {
        host.linuxMode(registry);
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
        assertThat(host.ruleset()).isEqualTo(ruleset);
        assertThat(host.ip("-4", "addr", "show", "docker0")).contains("172.17.0.1/16");
        assertThat(plumbing.view().mode()).isEqualTo("linux");
    }
}
