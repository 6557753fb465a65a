package io.netdock.container;

import static org.hamcrest.Matchers.equalTo;

import io.netdock.testing.WholeApplication;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 9: {@code POST /networks/{id}/connect} with {@code EndpointConfig.MacAddress} on a created
 * container keeps the MAC, shows it in inspect, and the endpoint made at start has it (docker-py's
 * {@code test_connect_with_mac_address}; Docker honours it from API 1.54, netdock at every version).
 */
class ConnectMacAddressIT extends WholeApplication {

    private static final String MAC = "02:42:ac:1e:00:99";

    @Test
    void aCreatedContainerKeepsTheMacAskedForOnConnectAndStartsWithIt() {
        api().contentType("application/json").body("{\"Name\":\"mac-connect-net\"}").post("/networks/create")
                .then().statusCode(201);
        api().contentType("application/json").body("{\"Image\":\"busybox\"}")
                .post("/containers/create?name=mac-connect-c").then().statusCode(201);
        try {
            api().contentType("application/json")
                    .body("{\"Container\":\"mac-connect-c\",\"EndpointConfig\":{\"MacAddress\":\"" + MAC + "\"}}")
                    .post("/v1.41/networks/mac-connect-net/connect").then().statusCode(200);

            api().get("/containers/mac-connect-c/json").then().statusCode(200)
                    .body("NetworkSettings.Networks.mac-connect-net.MacAddress", equalTo(MAC));
            api().get("/v1.41/containers/mac-connect-c/json").then().statusCode(200)
                    .body("NetworkSettings.Networks.mac-connect-net.MacAddress", equalTo(MAC));

            api().post("/containers/mac-connect-c/start").then().statusCode(204);

            api().get("/containers/mac-connect-c/json").then().statusCode(200)
                    .body("NetworkSettings.Networks.mac-connect-net.MacAddress", equalTo(MAC))
                    .body("NetworkSettings.Networks.mac-connect-net.EndpointID", org.hamcrest.Matchers.not(""));
            api().get("/networks/mac-connect-net").then().statusCode(200)
                    .body("Containers.collect { it.value.MacAddress }", org.hamcrest.Matchers.hasItem(MAC));
        } finally {
            api().delete("/containers/mac-connect-c?force=1");
            api().delete("/networks/mac-connect-net");
        }
    }
}
