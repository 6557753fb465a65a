package io.netdock.container.web;

import io.netdock.api.RequestedVersion;
import io.netdock.container.ContainerConnections;
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

    private static final String NO_CONTAINER = "invalid name or ID supplied: \"\"";

    private final ContainerConnections connections;

    NetworkConnectController(ContainerConnections connections) {
        this.connections = connections;
    }

    @PostMapping("/networks/{id}/connect")
    ResponseEntity<Void> connect(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                 HttpServletRequest request) {
        String container = ConnectBodies.reference(body, "Container", NO_CONTAINER);
        connections.connect(container, id, ConnectBodies.endpoint(body, RequestedVersion.of(request)));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/networks/{id}/disconnect")
    ResponseEntity<Void> disconnect(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        connections.disconnect(ConnectBodies.reference(body, "Container", NO_CONTAINER), id, ConnectBodies.force(body));
        return ResponseEntity.ok().build();
    }
}
