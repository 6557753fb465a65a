package io.netdock.container.web;

import io.netdock.api.ApiVersion;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.error.DockerError;
import tools.jackson.databind.JsonNode;

/** The bodies of the connect/disconnect routes. */
final class ConnectBodies {

    private ConnectBodies() {
    }

    static JsonNode require(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw DockerError.invalidParameter("got EOF while reading request body");
        }
        return body;
    }

    /** {@code MacAddress} is honoured on connect only from API 1.54, above what netdock serves. */
    static EndpointConfig endpoint(JsonNode body, ApiVersion version) {
        return CreateRequestReader.endpoint(body.path("EndpointConfig"), version.atLeast("1.48"), false);
    }
}
