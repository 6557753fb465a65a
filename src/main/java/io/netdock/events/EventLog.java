package io.netdock.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The daemon's event history and the one place features report events to. Like dockerd it keeps the most
 * recent events in memory for {@code GET /events?since=}, and hands every new event to the live subscribers
 * whose filter accepts it, in publication order.
 */
@Component
public class EventLog {

    static final int HISTORY = 1024;

    private final Deque<Event> history = new ArrayDeque<>();
    private final Set<Subscription> subscribers = new CopyOnWriteArraySet<>();
    private final Clock clock;
    private long lastNano;
    private volatile Consumer<Event> relay = event -> { };

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
            event = new Event(type, action, actorId,
                    Collections.unmodifiableMap(new LinkedHashMap<>(attributes)), "local", nextNano());
            record(event);
        }
        relay.accept(event);
        return event;
    }

    /** An event another netdock sharing the database published: kept and delivered like one of ours. */
    public void publishFromElsewhere(Event event) {
        synchronized (history) {
            record(event);
        }
    }

    /** Where this process's own events go besides its history and subscribers (other netdocks). */
    public void relayTo(Consumer<Event> relay) {
        this.relay = relay;
    }

    private void record(Event event) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(event);
        // Inside the lock so every subscriber sees events in the order they were recorded; listeners only
        // enqueue, they never block.
        for (Subscription subscription : subscribers) {
            subscription.offer(event);
        }
    }

    /** A copy of the retained history, oldest first. */
    public List<Event> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /**
     * Starts a subscription: the matching history is taken and the listener registered in one step, so no
     * event is lost or seen twice between replay and live delivery. The listener must not block. Close the
     * subscription when the client goes away.
     */
    public Subscription subscribe(EventQuery query, Consumer<Event> listener) {
        synchronized (history) {
            List<Event> replay = new ArrayList<>();
            if (query.wantsHistory()) {
                history.stream().filter(query::includesInHistory).forEach(replay::add);
            }
            Subscription subscription = new Subscription(List.copyOf(replay), query, listener);
            subscribers.add(subscription);
            return subscription;
        }
    }

    /** How many clients are listening ({@code NEventsListener} in {@code /info}). */
    public int listenerCount() {
        return subscribers.size();
    }

    /** Now, on the event clock, in nanoseconds since the epoch. */
    public long nowNano() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Strictly increasing timestamps keep the order of events that happen within one clock tick. */
    private long nextNano() {
        lastNano = Math.max(nowNano(), lastNano + 1);
        return lastNano;
    }

    /** One listening client: the history it asked for, then live events until closed. */
    public final class Subscription implements AutoCloseable {

        private final List<Event> replay;
        private final EventQuery query;
        private final Consumer<Event> listener;

        private Subscription(List<Event> replay, EventQuery query, Consumer<Event> listener) {
            this.replay = replay;
            this.query = query;
            this.listener = listener;
        }

        /** The matching history, oldest first. */
        public List<Event> replay() {
            return replay;
        }

        private void offer(Event event) {
            if (query.filter().test(event)) {
                listener.accept(event);
            }
        }

        /** Stops live delivery; idempotent. */
        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
