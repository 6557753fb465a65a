package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ThrowawayHost;
import io.netdock.testing.ThrowawayNamespace;
import io.netdock.testing.WholeLinuxApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Networks in linux mode: create and delete make and remove a real bridge in a throwaway "host" namespace. */
class NetworksLinuxKernelIT extends WholeLinuxApplication {

    private static final ThrowawayHost host = ThrowawayHost.named("ndk-nw");

    @DynamicPropertySource
    static void linuxMode(DynamicPropertyRegistry registry) {
        host.linuxMode(registry);
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
