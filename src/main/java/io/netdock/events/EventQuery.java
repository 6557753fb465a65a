package io.netdock.events;

import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * What a {@code GET /events} caller wants: history from {@code since} (inclusive) to {@code until} (inclusive)
 * and, unless {@code until} has passed, live events; both in nanoseconds since the epoch.
 */
public record EventQuery(OptionalLong since, OptionalLong until, Predicate<Event> filter) {

    public EventQuery {
        if (since.isPresent() && until.isPresent() && until.getAsLong() < since.getAsLong()) {
            throw new IllegalArgumentException("until before since");
        }
    }

    /** dockerd replays history only when since or until is given. */
    boolean wantsHistory() {
        return since.isPresent() || until.isPresent();
    }

    boolean includesInHistory(Event event) {
        return event.timeNano() >= since.orElse(0) && (until.isEmpty() || event.timeNano() <= until.getAsLong())
                && filter.test(event);
    }

    /** True when {@code until} lies before {@code nowNano}: replay and end, no live events. */
    public boolean onlyPast(long nowNano) {
        return until.isPresent() && until.getAsLong() < nowNano;
    }
}
