package io.netdock.network.web;

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
    }
}
