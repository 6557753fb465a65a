package io.netdock.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants printed as Go's {@code time.Time} marshals to JSON ({@code time.RFC3339Nano}): UTC, nanoseconds without
 * trailing zeros ({@code 2026-11-28T17:17:05.12Z}). Written out digit by digit: every inspect and list item has
 * one, and {@code DateTimeFormatter} with {@code String.format} cost a quarter of a network inspect.
 */
public final class GoTime {

    private GoTime() {
    }

    public static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            int width = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                width--;
            }
            digits(text.append('.'), nanos, width);
        }
        return text.append('Z').toString();
    }

    /** {@code value} with leading zeros to {@code width} digits (more digits if it has more). */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String plain = Integer.toString(value);
        for (int i = plain.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(plain);
    }
}
