package io.netdock.events.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.netdock.api.ApiVersion;
import io.netdock.events.Event;
import io.netdock.go.KeyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Docker's {@code events.Message} in its field order. Below API 1.52 container events also carry the
 * deprecated {@code status}, {@code id}, {@code from} (image events {@code status}, {@code id}); Go prints the
 * attribute map with sorted keys.
 */
record EventMessage(
        @JsonProperty("status") @JsonInclude(JsonInclude.Include.NON_EMPTY) String status,
        @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_EMPTY) String id,
        @JsonProperty("from") @JsonInclude(JsonInclude.Include.NON_EMPTY) String from,
        @JsonProperty("Type") String type,
        @JsonProperty("Action") String action,
        @JsonProperty("Actor") Actor actor,
        @JsonProperty("scope") @JsonInclude(JsonInclude.Include.NON_EMPTY) String scope,
        @JsonProperty("time") long time,
        @JsonProperty("timeNano") long timeNano) {

    record Actor(@JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {
    }

    static EventMessage of(Event event, ApiVersion version) {
        boolean legacy = version.below("1.52");
        boolean container = legacy && event.type().equals("container");
        boolean withStatus = container || (legacy && event.type().equals("image"));
        return new EventMessage(
                withStatus ? event.action() : null,
                withStatus ? event.actorId() : null,
                container ? event.attributes().get("image") : null,
                event.type(), event.action(), new Actor(event.actorId(), sorted(event.attributes())),
                event.scope(), event.timeSeconds(), event.timeNano());
    }

    /** Go writes a map's keys in {@link KeyOrder#GO}. */
    private static Map<String, String> sorted(Map<String, String> attributes) {
        Map<String, String> sorted = new TreeMap<>(KeyOrder.GO);
        sorted.putAll(attributes);
        return sorted;
    }
}
