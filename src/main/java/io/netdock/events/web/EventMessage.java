package io.netdock.events.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.events.Event;
import io.netdock.go.KeyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Docker's {@code events.Message} in its field order. Below API 1.52 container events also carry the
 * deprecated {@code status}, {@code id}, {@code from} (image events {@code status}, {@code id}); Go prints the
 * attribute map with sorted keys.
 */
final class EventMessage {

    private EventMessage() {
    }

    static DockerDocument of(Event event, ApiVersion version) {
        boolean legacy = version.below("1.52");
        boolean container = legacy && event.type().equals("container");
        boolean withStatus = container || (legacy && event.type().equals("image"));
        return DockerDocument.object()
                .omitEmpty("status", withStatus ? event.action() : null)
                .omitEmpty("id", withStatus ? event.actorId() : null)
                .omitEmpty("from", container ? event.attributes().get("image") : null)
                .field("Type", event.type())
                .field("Action", event.action())
                .field("Actor", DockerDocument.object()
                        .field("ID", event.actorId())
                        .field("Attributes", sorted(event.attributes())))
                .omitEmpty("scope", event.scope())
                .field("time", event.timeSeconds())
                .field("timeNano", event.timeNano());
    }

    /** Go writes a map's keys in {@link KeyOrder#GO}. */
    private static Map<String, String> sorted(Map<String, String> attributes) {
        Map<String, String> sorted = new TreeMap<>(KeyOrder.GO);
        sorted.putAll(attributes);
        return sorted;
    }
}
