package io.netdock.network.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Docker's {@code ConfigReference}: {@code {"Network": "<configuration network name>"}}. */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
record ConfigReference(@JsonProperty("Network") String network) {
}
