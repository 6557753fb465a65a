package io.netdock.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoTimeTest {

    @Test
    void rfc3339NanoWithoutTrailingZeros() {
        assertThat(GoTime.format(Instant.parse("2026-11-28T17:17:05.123456789Z"))).isEqualTo("2026-11-28T17:17:05.123456789Z");
        assertThat(GoTime.format(Instant.parse("2026-11-28T17:17:05.120Z"))).isEqualTo("2026-11-28T17:17:05.12Z");
        assertThat(GoTime.format(Instant.parse("2026-11-28T17:17:05.000000100Z"))).isEqualTo("2026-11-28T17:17:05.0000001Z");
        assertThat(GoTime.format(Instant.parse("2026-11-28T17:17:05Z"))).isEqualTo("2026-11-28T17:17:05Z");
        assertThat(GoTime.format(Instant.parse("0001-01-01T00:00:00Z"))).as("Go's zero time")
                .isEqualTo("0001-01-01T00:00:00Z");
        assertThat(GoTime.format(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31T23:59:59.5Z");
        assertThat(GoTime.format(Instant.parse("+12026-01-02T03:04:05Z"))).isEqualTo("+12026-01-02T03:04:05Z");
    }
}
