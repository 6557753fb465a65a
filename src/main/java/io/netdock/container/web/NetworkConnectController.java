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
        ConnectBodies connect = ConnectBodies.connect(body);
        String container = connect.reference("Container", NO_CONTAINER);
        connections.connect(container, id, connect.endpoint(RequestedVersion.of(request)));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/networks/{id}/disconnect")
    ResponseEntity<Void> disconnect(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        ConnectBodies disconnect = ConnectBodies.disconnect(body);
        connections.disconnect(disconnect.reference("Container", NO_CONTAINER), id, disconnect.force());
        return ResponseEntity.ok().build();
    }
}
