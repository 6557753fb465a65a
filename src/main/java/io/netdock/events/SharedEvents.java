package io.netdock.events;

import io.netdock.store.StoreFeed;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events between netdocks sharing one PostgreSQL: each event this process publishes goes into the store feed, and
 * each one another process published reaches this process's history and {@code /events} streams.
 */
@Component
class SharedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    SharedEvents(StoreFeed feed, EventLog log) {
        if (!feed.isShared()) {
            return;
        }
        log.relayTo(event -> feed.changed(StoreFeed.EVENT, event.actorId(), JSON.writeValueAsString(event)));
        feed.onChange(StoreFeed.EVENT, change -> log.publishFromElsewhere(JSON.readValue(change.detail(), Event.class)));
    }
}
