package io.netdock.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.error.DockerError;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code until} as Docker's {@code timetypes.GetTimestamp} reads it. */
class PruneFiltersTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void goDurationsMeanThatLongAgo() {
        assertThat(PruneFilters.parseTimestamp("1h", NOW)).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(PruneFilters.parseTimestamp("1h30m", NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(90)));
        assertThat(PruneFilters.parseTimestamp("1.5s", NOW)).isEqualTo(NOW.minusMillis(1500));
        assertThat(PruneFilters.parseTimestamp("250ms", NOW)).isEqualTo(NOW.minusMillis(250));
        assertThat(PruneFilters.parseTimestamp("-10m", NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void unixTimestampsWithOptionalFraction() {
        assertThat(PruneFilters.parseTimestamp("0", NOW)).isEqualTo(Instant.EPOCH);
        assertThat(PruneFilters.parseTimestamp("1700000000", NOW)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(PruneFilters.parseTimestamp("1700000000.5", NOW))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
    }

    @Test
    void rfc3339Dates() {
        assertThat(PruneFilters.parseTimestamp("2026-11-28T10:00:00Z", NOW)).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(PruneFilters.parseTimestamp("2026-11-28T10:00:00+02:00", NOW))
                .isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
        assertThat(PruneFilters.parseTimestamp("2026-11-28T10:00:00.123456789Z", NOW))
                .isEqualTo(Instant.parse("2026-11-28T10:00:00.123456789Z"));
    }

    @Test
    void anythingElseIsAnInvalidParameter() {
        for (String bad : new String[] {"notatime", "2026-13-45", "12abc", ""}) {
            assertThatThrownBy(() -> PruneFilters.parseTimestamp(bad, NOW)).as(bad).isInstanceOf(DockerError.class)
                    .hasMessage("failed to parse value as time or duration: \"" + bad + "\"");
        }
    }
}
