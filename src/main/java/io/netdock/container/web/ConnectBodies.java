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

    /** The body's container or network reference ({@code field}); empty → Docker's 400 {@code message}. */
    static String reference(JsonNode body, String field, String emptyMessage) {
        String value = CreateRequestReader.text(require(body), field);
        if (value.isEmpty()) {
            throw DockerError.invalidParameter(emptyMessage);
        }
        return value;
    }

    static boolean force(JsonNode body) {
        return body.path("Force").asBoolean(false);
    }

    /** {@code MacAddress} is honoured on connect only from API 1.54, above what netdock serves. */
    static EndpointConfig endpoint(JsonNode body, ApiVersion version) {
        return CreateRequestReader.endpoint(body.path("EndpointConfig"), version.atLeast("1.48"), false);
    }
}
