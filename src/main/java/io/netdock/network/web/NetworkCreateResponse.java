package io.netdock.network.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"Id": "<64 hex>", "Warning": ""}}; {@code Warning} is always present. */
record NetworkCreateResponse(@JsonProperty("Id") String id, @JsonProperty("Warning") String warning) {
}
