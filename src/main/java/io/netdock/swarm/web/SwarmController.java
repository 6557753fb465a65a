package io.netdock.swarm.web;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Swarm-mode endpoints, answered as a Docker engine outside a swarm answers them. netdock cannot create or
 * join a swarm (it emulates one engine's local networking; no cluster store, no managers, no overlay), so
 * {@code swarm init} / {@code swarm join} are refused as not implemented rather than pretending.
 */
@RestController
class SwarmController {

    static final String NOT_A_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
            + "\"docker swarm join\" to connect this node to swarm and try again.";
    static final String NO_SWARM_MODE = "netdock does not support swarm mode: it emulates the local networking of "
            + "a single Docker engine, so this node cannot create or join a swarm";

    @PostMapping("/swarm/leave")
    void leave() {
        throw DockerError.unavailable("This node is not part of a swarm");
    }

    /** Reads the request first (as dockerd decodes it): answering before the body is read lets the client's write fail. */
    @PostMapping({"/swarm/init", "/swarm/join"})
    void initOrJoin(@RequestBody(required = false) tools.jackson.databind.JsonNode request) {
        throw new DockerError(ErrorCategory.NOT_IMPLEMENTED, NO_SWARM_MODE);
    }

    @GetMapping({"/swarm", "/swarm/unlockkey", "/nodes", "/nodes/{id}", "/services", "/services/{id}",
            "/services/{id}/logs", "/tasks", "/tasks/{id}", "/tasks/{id}/logs", "/secrets", "/secrets/{id}",
            "/configs", "/configs/{id}"})
    void read() {
        throw notAManager();
    }

    @PostMapping({"/swarm/update", "/swarm/unlock", "/nodes/{id}/update", "/services/create",
            "/services/{id}/update", "/secrets/create", "/secrets/{id}/update", "/configs/create",
            "/configs/{id}/update"})
    void write() {
        throw notAManager();
    }

    @DeleteMapping({"/nodes/{id}", "/services/{id}", "/secrets/{id}", "/configs/{id}"})
    void delete() {
        throw notAManager();
    }

    private static DockerError notAManager() {
        return DockerError.unavailable(NOT_A_MANAGER);
    }
}
