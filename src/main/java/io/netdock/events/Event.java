package io.netdock.events;

import java.util.Map;

/**
 * One Docker event, e.g. {@code network connect}. {@code actorId} is the network or container ID;
 * attributes are Docker's {@code Actor.Attributes} (insertion order is kept).
 */
public record Event(String type, String action, String actorId, Map<String, String> attributes, String scope,
                    long timeNano) {

    public long timeSeconds() {
        return timeNano / 1_000_000_000L;
    }
}
