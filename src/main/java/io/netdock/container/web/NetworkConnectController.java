package io.netdock.container.web;

import io.netdock.api.RequestedVersion;
import io.netdock.container.ContainerConnections;
import io.netdock.error.DockerError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /networks/{id}/connect|disconnect}: 200 with an empty body, like dockerd. */
@RestController
class NetworkConnectController {

    private final ContainerConnections connections;

    NetworkConnectController(ContainerConnections connections) {
        this.connections = connections;
    }

    @PostMapping("/networks/{id}/connect")
    ResponseEntity<Void> connect(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                 HttpServletRequest request) {
        JsonNode json = ConnectBodies.require(body);
        String container = CreateRequestReader.text(json, "Container");
        if (container.isEmpty()) {
            throw DockerError.invalidParameter("invalid name or ID supplied: \"\"");
        }
        connections.connect(container, id, ConnectBodies.endpoint(json, RequestedVersion.of(request)));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/networks/{id}/disconnect")
    ResponseEntity<Void> disconnect(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonNode json = ConnectBodies.require(body);
        String container = CreateRequestReader.text(json, "Container");
        if (container.isEmpty()) {
            throw DockerError.invalidParameter("invalid name or ID supplied: \"\"");
        }
        connections.disconnect(container, id, json.path("Force").asBoolean(false));
        return ResponseEntity.ok().build();
    }
}
