package io.netdock.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
                .isEqualTo(GoTime.ZERO);
        assertThat(GoTime.format(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31T23:59:59.5Z");
        assertThat(GoTime.format(Instant.parse("+12026-01-02T03:04:05Z"))).isEqualTo("+12026-01-02T03:04:05Z");
    }

    @Test
    void aTimeThatNeverHappenedIsGosZeroTime() {
        assertThat(GoTime.formatOrZero(null)).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(GoTime.formatOrZero(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void durationsAsTimeParseDurationReadsThem() {
        assertThat(GoTime.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoTime.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoTime.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(GoTime.parseDuration("3us")).isEqualTo(Duration.ofNanos(3000));
        assertThat(GoTime.parseDuration("-10m")).isEqualTo(Duration.ofMinutes(-10));
        assertThat(GoTime.parseDuration("0")).isEqualTo(Duration.ZERO);
        assertThat(GoTime.parseDuration("1d")).as("no days in Go").isNull();
        assertThat(GoTime.parseDuration("h")).isNull();
        assertThat(GoTime.parseDuration("")).isNull();
        assertThat(GoTime.parseDuration("10")).as("a unit is required but for 0").isNull();
    }

    @Test
    void humanDurationsAsDockerPrintsThem() {
        assertThat(HumanDuration.of(Duration.ofMillis(300))).isEqualTo("Less than a second");
        assertThat(HumanDuration.of(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(HumanDuration.of(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(HumanDuration.of(Duration.ofSeconds(90))).isEqualTo("About a minute");
        assertThat(HumanDuration.of(Duration.ofMinutes(59))).isEqualTo("59 minutes");
        assertThat(HumanDuration.of(Duration.ofMinutes(89))).isEqualTo("About an hour");
        assertThat(HumanDuration.of(Duration.ofHours(47))).isEqualTo("47 hours");
        assertThat(HumanDuration.of(Duration.ofDays(13))).isEqualTo("13 days");
        assertThat(HumanDuration.of(Duration.ofDays(20))).isEqualTo("2 weeks");
        assertThat(HumanDuration.of(Duration.ofDays(90))).isEqualTo("3 months");
        assertThat(HumanDuration.of(Duration.ofDays(800))).isEqualTo("2 years");
    }
}
