package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayNamespace;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Networks in linux mode: create and delete make and remove a real bridge in a throwaway "host" namespace. */
@RealKernel
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NetworksLinuxKernelIT {

    private static final String HOST_NETNS = "ndk-nw-" + UUID.randomUUID().toString().substring(0, 8);
    private static Path stateDirectory;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void linuxMode(DynamicPropertyRegistry registry) throws IOException {
        stateDirectory = Files.createTempDirectory("netdock-networks-linux-it");
        registry.add("netdock.state-dir", stateDirectory::toString);
        registry.add("netdock.kernel.mode", () -> "linux");
        registry.add("netdock.kernel.host-netns", () -> HOST_NETNS);
    }

    @AfterAll
    static void removeNamespaces() {
        if (stateDirectory != null) {
            ThrowawayNamespace.exec(List.of("umount", "-l", stateDirectory.resolve("netns").toString()));
            ThrowawayNamespace.exec(List.of("rm", "-rf", stateDirectory.toString()));
        }
        ThrowawayNamespace.exec(List.of("ip", "netns", "del", HOST_NETNS));
    }

    private RequestSpecification api() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port);
    }

    private static String inHost(String... command) {
        String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = HOST_NETNS;
        System.arraycopy(command, 0, full, 4, command.length);
        return ThrowawayNamespace.run(full);
    }

    @Test
    void createMakesTheBridgeWithItsGatewayAndDeleteRemovesIt() {
        String id = api().contentType("application/json").body("{\"Name\":\"kern-1\",\"Options\":{"
                        + "\"com.docker.network.bridge.name\":\"nwkern1\",\"com.docker.network.driver.mtu\":\"1400\"},"
                        + "\"IPAM\":{\"Config\":[{\"Subnet\":\"10.231.0.0/24\",\"Gateway\":\"10.231.0.254\"}]}}")
                .post("/networks/create").then().statusCode(201).extract().path("Id");
        assertThat(inHost("ip", "-4", "addr", "show", "nwkern1")).contains("10.231.0.254/24").contains("mtu 1400");
        assertThat(inHost("nft", "list", "table", "inet", "netdock")).contains("netdock network " + id);

        api().delete("/networks/kern-1").then().statusCode(204);
        assertThat(ThrowawayNamespace.exec(List.of("ip", "netns", "exec", HOST_NETNS, "ip", "link", "show", "nwkern1"))
                .output()).contains("does not exist");
        assertThat(inHost("nft", "list", "table", "inet", "netdock")).doesNotContain(id);
    }

    @Test
    void theDefaultBridgeIsSetUpAtStart() {
        assertThat(inHost("ip", "-4", "addr", "show", "docker0")).contains("172.17.0.1/16");
    }
}
