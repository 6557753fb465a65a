package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayHost;
import io.netdock.testing.ThrowawayNamespace;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Networks in linux mode: create and delete make and remove a real bridge in a throwaway "host" namespace. */
@RealKernel
@ExtendWith(ThrowawayHost.PerClass.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NetworksLinuxKernelIT {

    private static final ThrowawayHost host = ThrowawayHost.named("ndk-nw");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void linuxMode(DynamicPropertyRegistry registry) {
        host.linuxMode(registry);
    }

    private RequestSpecification api() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port);
    }

    @Test
    void createMakesTheBridgeWithItsGatewayAndDeleteRemovesIt() {
        String id = api().contentType("application/json").body("{\"Name\":\"kern-1\",\"Options\":{"
                        + "\"com.docker.network.bridge.name\":\"nwkern1\",\"com.docker.network.driver.mtu\":\"1400\"},"
                        + "\"IPAM\":{\"Config\":[{\"Subnet\":\"10.231.0.0/24\",\"Gateway\":\"10.231.0.254\"}]}}")
                .post("/networks/create").then().statusCode(201).extract().path("Id");
        assertThat(host.ip("-4", "addr", "show", "nwkern1")).contains("10.231.0.254/24").contains("mtu 1400");
        assertThat(host.ruleset()).contains("netdock network " + id);

        api().delete("/networks/kern-1").then().statusCode(204);
        assertThat(ThrowawayNamespace.exec(List.of("ip", "-n", host.name(), "link", "show", "nwkern1")).output())
                .contains("does not exist");
        assertThat(host.ruleset()).doesNotContain(id);
    }

    @Test
    void theDefaultBridgeIsSetUpAtStart() {
        assertThat(host.ip("-4", "addr", "show", "docker0")).contains("172.17.0.1/16");
    }
}
