package io.netdock.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Docker's error body. */
public record ErrorResponse(@JsonProperty("message") String message) {
}
