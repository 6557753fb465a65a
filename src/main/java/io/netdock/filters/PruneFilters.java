package io.netdock.filters;

import io.netdock.error.DockerError;
import io.netdock.go.GoTime;
import io.netdock.go.Strconv;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filters} of {@code POST /networks/prune}, {@code /containers/prune} and {@code /images/prune}:
 * {@code until} (Unix timestamp, RFC 3339 date, or a Go duration meaning "that long ago"), {@code label} and {@code label!}.
 */
public final class PruneFilters {

    public static final Set<String> ACCEPTED = Set.of("until", "label", "label!");

    private final Filters filters;
    private final Instant until;

    private PruneFilters(Filters filters, Instant until) {
        this.filters = filters;
        this.until = until;
    }

    public static PruneFilters of(Filters filters, Instant now) {
        return of(filters, now, Set.of());
    }

    /** With filters of the caller's own besides {@code until}, {@code label} and {@code label!}. */
    public static PruneFilters of(Filters filters, Instant now, Set<String> alsoAccepted) {
        Set<String> accepted = new HashSet<>(ACCEPTED);
        accepted.addAll(alsoAccepted);
        filters.accept(accepted);
        Instant until = null;
        if (filters.has("until")) {
            if (filters.get("until").size() > 1) {
                throw DockerError.invalidParameter("more than one until filter specified");
            }
            until = parseTimestamp(filters.get("until").iterator().next(), now);
        }
        return new PruneFilters(filters, until);
    }

    /** Whether something created then, with these labels, is pruned. */
    public boolean matches(Instant created, Map<String, String> labels) {
        if (until != null && created.isAfter(until)) {
            return false;
        }
        return filters.matchesLabels("label", labels) && filters.matchesNoLabel("label!", labels);
    }

    /** Docker's {@code timetypes.GetTimestamp}. */
    static Instant parseTimestamp(String value, Instant now) {
        Duration duration = GoTime.parseDuration(value);
        if (duration != null && !value.equals("0")) {
            return now.minus(duration);
        }
        if (value.contains("-")) {
            Instant date = parseDate(value);
            if (date != null) {
                return date;
            }
        } else if (value.matches("[0-9]+(\\.[0-9]{1,9})?")) {
            BigDecimal seconds = new BigDecimal(value);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        throw DockerError.invalidParameter("failed to parse value as time or duration: " + Strconv.quote(value));
    }

    private static Instant parseDate(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            // fall through to local forms
        }
        try {
            return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }
}
