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

/**
 * Connect and disconnect from either end, written once: Docker's {@code POST /networks/{id}/connect|disconnect}
 * (the body names the container) and netdock's {@code POST /containers/{id}/connect|disconnect} shortcut (the body
 * names the network). 200 with an empty body, like dockerd.
 */
@RestController
class ConnectionsController {

    private final ContainerConnections connections;

    ConnectionsController(ContainerConnections connections) {
        this.connections = connections;
    }

    /** Which end the path names; the body names the other, in this field, with dockerd's message when empty. */
    private enum PathEnd {
        NETWORK("Container", "invalid name or ID supplied: \"\""),
        CONTAINER("Network", "invalid network name or ID supplied: \"\"");

        private final String otherField;
        private final String emptyMessage;

        PathEnd(String otherField, String emptyMessage) {
            this.otherField = otherField;
            this.emptyMessage = emptyMessage;
        }

        Ends ends(String pathId, ConnectBodies body) {
            String other = body.reference(otherField, emptyMessage);
            return this == NETWORK ? new Ends(other, pathId) : new Ends(pathId, other);
        }
    }

    private record Ends(String container, String network) {
    }

    @PostMapping("/networks/{id}/connect")
    ResponseEntity<Void> connectContainer(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                          HttpServletRequest request) {
        return connect(PathEnd.NETWORK, id, body, request);
    }

    @PostMapping("/containers/{id}/connect")
    ResponseEntity<Void> connectToNetwork(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                          HttpServletRequest request) {
        return connect(PathEnd.CONTAINER, id, body, request);
    }

    @PostMapping("/networks/{id}/disconnect")
    ResponseEntity<Void> disconnectContainer(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return disconnect(PathEnd.NETWORK, id, body);
    }

    @PostMapping("/containers/{id}/disconnect")
    ResponseEntity<Void> disconnectFromNetwork(@PathVariable String id,
                                               @RequestBody(required = false) JsonNode body) {
        return disconnect(PathEnd.CONTAINER, id, body);
    }

    private ResponseEntity<Void> connect(PathEnd path, String id, JsonNode json, HttpServletRequest request) {
        ConnectBodies body = ConnectBodies.connect(json);
        Ends ends = path.ends(id, body);
        connections.connect(ends.container(), ends.network(), body.endpoint(RequestedVersion.of(request)));
        return ResponseEntity.ok().build();
    }

    private ResponseEntity<Void> disconnect(PathEnd path, String id, JsonNode json) {
        ConnectBodies body = ConnectBodies.disconnect(json);
        Ends ends = path.ends(id, body);
        connections.disconnect(ends.container(), ends.network(), body.force());
        return ResponseEntity.ok().build();
    }
}
