package io.netdock.go;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time}: instants printed as {@code time.Time} marshals to JSON ({@code time.RFC3339Nano}: RFC 3339,
 * nanoseconds without trailing zeros, UTC, {@code 2026-11-28T17:17:05.12Z}), the zero time, and
 * {@code time.ParseDuration}. Written digit by digit: lists print one per item, and a formatter pass plus
 * {@code String.format} cost more than the rest of a network's document.
 */
public final class GoTime {

    /** Go's zero {@code time.Time} as JSON: what dockerd prints for a time that never happened. */
    public static final String ZERO = "0001-01-01T00:00:00Z";

    private static final Pattern DURATION_PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)");

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private GoTime() {
    }

    /** {@code instant} in {@code time.RFC3339Nano}, or Go's zero time for {@code null}. */
    public static String formatOrZero(Instant instant) {
        return instant == null ? ZERO : format(instant);
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

    /** Go's {@code time.ParseDuration} (e.g. {@code 1h30m}, {@code 10s}, {@code -5m}); null when not one. */
    public static Duration parseDuration(String value) {
        String text = value;
        boolean negative = false;
        if (text.startsWith("-") || text.startsWith("+")) {
            negative = text.startsWith("-");
            text = text.substring(1);
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        if (text.isEmpty()) {
            return null;
        }
        Matcher part = DURATION_PART.matcher(text);
        int position = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (position < text.length()) {
            if (!part.find(position) || part.start() != position) {
                return null;
            }
            BigDecimal amount = new BigDecimal(part.group(1));
            long unit = switch (part.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unit)));
            position = part.end();
        }
        Duration duration = Duration.ofNanos(nanos.longValue());
        return negative ? duration.negated() : duration;
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
