package io.netdock.swarm;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.netdock.testing.WholeApplication;
import org.junit.jupiter.api.Test;

/** A node outside any swarm, answered with dockerd's statuses and words. */
class SwarmApiIT extends WholeApplication {

    private static final String NOT_A_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
            + "\"docker swarm join\" to connect this node to swarm and try again.";

    @Test
    void readsAndWritesNeedAManager() {
        for (String path : new String[] {"/swarm", "/swarm/unlockkey", "/nodes", "/nodes/x", "/services",
                "/services/x", "/tasks", "/tasks/x", "/secrets", "/secrets/x", "/configs", "/configs/x",
                "/v1.41/services"}) {
            api().get(path).then().statusCode(503).body("message", equalTo(NOT_A_MANAGER));
        }
        api().contentType("application/json").body("{}").post("/services/create").then().statusCode(503)
                .body("message", equalTo(NOT_A_MANAGER));
        api().delete("/nodes/x").then().statusCode(503).body("message", equalTo(NOT_A_MANAGER));
    }

    @Test
    void leavingNeedsASwarm() {
        api().post("/swarm/leave?force=1").then().statusCode(503)
                .body("message", equalTo("This node is not part of a swarm"));
    }

    @Test
    void aSwarmCannotBeFormed() {
        api().contentType("application/json").body("{\"ListenAddr\":\"0.0.0.0:2377\"}").post("/swarm/init").then()
                .statusCode(501).body("message", startsWith("netdock does not support swarm mode"));
        api().contentType("application/json").body("{}").post("/swarm/join").then().statusCode(501);
    }
}
