package io.netdock.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The daemon's event history and the one place features report events to. Like dockerd it keeps the most
 * recent events in memory for {@code GET /events?since=}.
 */
@Component
public class EventLog {

    static final int HISTORY = 1024;

    private final Deque<Event> history = new ArrayDeque<>();
    private final Clock clock;
    private long lastNano;

    public EventLog() {
        this(Clock.systemUTC());
    }

    EventLog(Clock clock) {
        this.clock = clock;
    }

    /** Records an event with scope {@code local}; attributes are copied in the given order. */
    public Event publish(String type, String action, String actorId, Map<String, String> attributes) {
        Event event;
        synchronized (history) {
            event = new Event(type, action, actorId, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                    "local", nextNano());
            if (history.size() == HISTORY) {
                history.removeFirst();
            }
            history.addLast(event);
        }
        return event;
    }

    /** A copy of the retained history, oldest first. */
    public List<Event> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Strictly increasing timestamps keep the order of events that happen within one clock tick. */
    private long nextNano() {
        Instant now = clock.instant();
        long nano = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        lastNano = Math.max(nano, lastNano + 1);
        return lastNano;
    }
}
