package io.netdock.container.web;

import java.time.Duration;
import java.time.Instant;
import io.netdock.time.GoTime;

/** Go's time texts: RFC 3339 with nanoseconds, the zero time, and {@code units.HumanDuration}. */
final class GoTimes {

    static final String ZERO = "0001-01-01T00:00:00Z";

    private GoTimes() {
    }

    static String format(Instant instant) {
        if (instant == null) {
            return ZERO;
        }
        return GoTime.format(instant);
    }

    /** Docker's {@code units.HumanDuration} ("Less than a second", "About a minute", "3 hours", …). */
    static String human(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toMillis() / 3_600_000.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }
}
