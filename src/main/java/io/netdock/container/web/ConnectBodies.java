package io.netdock.container.web;

import io.netdock.api.ApiVersion;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.error.DockerError;
import io.netdock.go.GoStruct;
import tools.jackson.databind.JsonNode;

/**
 * The bodies of the connect/disconnect routes: Docker's {@code types.NetworkConnect} and
 * {@code types.NetworkDisconnect}, and netdock's container-side shortcut with {@code Network} instead of
 * {@code Container}.
 */
final class ConnectBodies {

    private final GoStruct body;

    private ConnectBodies(GoStruct body) {
        this.body = body;
    }

    static ConnectBodies connect(JsonNode json) {
        return new ConnectBodies(GoStruct.body(require(json), "NetworkConnect", "types.NetworkConnect"));
    }

    static ConnectBodies disconnect(JsonNode json) {
        return new ConnectBodies(GoStruct.body(require(json), "NetworkDisconnect", "types.NetworkDisconnect"));
    }

    private static JsonNode require(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw DockerError.invalidParameter("got EOF while reading request body");
        }
        return body;
    }

    /** The body's container or network reference ({@code field}); empty → Docker's 400 {@code message}. */
    String reference(String field, String emptyMessage) {
        String value = body.text(field);
        if (value.isEmpty()) {
            throw DockerError.invalidParameter(emptyMessage);
        }
        return value;
    }

    boolean force() {
        return body.bool("Force");
    }

    /**
     * {@code MacAddress} is honoured at every version: Docker does so from API 1.54 (above what netdock serves)
     * and clients send it at lower ones (docker-py's {@code connect_container_to_network(mac_address=...)}).
     */
    EndpointConfig endpoint(ApiVersion version) {
        return CreateRequestReader.endpoint(body.struct("EndpointConfig", "EndpointSettings",
                "network.EndpointSettings"), version.atLeast("1.48"), true);
    }
}
