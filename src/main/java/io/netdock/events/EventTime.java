package io.netdock.events;

import io.netdock.error.DockerError;
import java.util.OptionalLong;

/**
 * The {@code since} / {@code until} parameters of {@code GET /events}: Unix seconds with an optional fraction
 * ({@code 1795886478}, {@code 1795886478.505696062}), parsed as dockerd's {@code ParseTimestamps} does. Like
 * dockerd, the server takes no RFC 3339 or duration forms: the docker CLI converts {@code --since 10m} or
 * {@code --since 2026-11-28T10:00:00} to Unix seconds before sending them.
 */
public final class EventTime {

    private EventTime() {
    }

    /** Nanoseconds since the epoch, or empty when the parameter is absent or empty. */
    public static OptionalLong parse(String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        int dot = value.indexOf('.');
        long seconds = parseInt(dot < 0 ? value : value.substring(0, dot));
        if (dot < 0) {
            return OptionalLong.of(Math.multiplyExact(seconds, 1_000_000_000L));
        }
        String fraction = value.substring(dot + 1);
        long digits = parseInt(fraction);
        // dockerd scales the digits to nanoseconds through a float64, truncating beyond nine digits.
        long nanos = (long) (digits * Math.pow(10, 9 - fraction.length()));
        return OptionalLong.of(seconds * 1_000_000_000L + nanos);
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}, with its error text (an unclassified error: 500). */
    private static long parseInt(String text) {
        if (!text.matches("[+-]?[0-9]+")) {
            throw DockerError.system("strconv.ParseInt: parsing " + quote(text) + ": invalid syntax");
        }
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException outOfRange) {
            throw DockerError.system("strconv.ParseInt: parsing " + quote(text) + ": value out of range");
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
