package io.netdock.go;

import io.netdock.error.DockerError;
import java.util.OptionalLong;

/**
 * dockerd's {@code timetypes.ParseTimestamps}, for the {@code since} / {@code until} parameters of
 * {@code GET /events} and {@code GET /containers/{id}/logs}: Unix seconds with an optional fraction
 * ({@code 1795886478}, {@code 1795886478.505696062}). Like dockerd, the server takes no RFC 3339 or duration
 * forms: the docker CLI converts {@code --since 10m} or {@code --since 2026-11-28T10:00:00} to Unix seconds
 * before sending them.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** Nanoseconds since the epoch, or empty when the parameter is absent or empty; not a number: a 500. */
    public static OptionalLong parse(String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        int dot = value.indexOf('.');
        long seconds = parseInt(dot < 0 ? value : value.substring(0, dot));
        if (dot < 0) {
            return OptionalLong.of(nanos(seconds, 0));
        }
        String fraction = value.substring(dot + 1);
        long digits = parseInt(fraction);
        // dockerd scales the digits to nanoseconds through a float64, truncating beyond nine digits.
        long nanos = (long) (digits * Math.pow(10, 9 - fraction.length()));
        return OptionalLong.of(nanos(seconds, nanos));
    }

    /**
     * Go keeps any int64 of seconds; nanoseconds in a long end in the year 2262, so times beyond either end are
     * taken as the end (the stream then has nothing before or after them either way).
     */
    private static long nanos(long seconds, long nanos) {
        try {
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException beyond) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}; its error unwrapped (an unclassified error: 500). */
    private static long parseInt(String text) {
        try {
            return Strconv.parseInt(text);
        } catch (Unparsable notANumber) {
            throw DockerError.system(notANumber.getMessage());
        }
    }
}
