package io.netdock.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants printed as Go's {@code time.Time} marshals to JSON: RFC 3339, nanoseconds without trailing zeros, UTC
 * ({@code 2026-11-28T17:17:05.12Z}). Written digit by digit: lists print one per item, and a formatter pass plus
 * {@code String.format} cost more than the rest of a network's document.
 */
public final class GoTime {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private GoTime() {
    }

    public static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            text.append(SECONDS.format(instant));
        } else {
            digits(text, time.getYear(), 4).append('-');
            digits(text, time.getMonthValue(), 2).append('-');
            digits(text, time.getDayOfMonth(), 2).append('T');
            digits(text, time.getHour(), 2).append(':');
            digits(text, time.getMinute(), 2).append(':');
            digits(text, time.getSecond(), 2);
        }
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

    /** Docker's {@code RFC3339NanoFixed} (log timestamps): always nine digits of nanoseconds. */
    public static String formatFixed(Instant instant) {
        String text = format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        StringBuilder fixed = new StringBuilder(text.substring(0, text.length() - 1)).append('.');
        return digits(fixed, instant.getNano(), 9).append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(number);
    }
}
