package io.netdock.go;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dockerd's {@code httputils.BoolValue} (moby {@code api/server/httputils/form.go}): only "", "0", "no", "false"
 * and "none" (trimmed, any case) are false. netdock once had a second copy that also took {@code f}, {@code n} and
 * {@code off} for false; the reference Docker 20.10 lists stopped containers for {@code all=f}, {@code all=n} and
 * {@code all=off}.
 */
class BoolValueTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0", "no", "NO", " No ", "false", "FALSE", "\tfalse\n", "none", "None"})
    void falseSpellings(String value) {
        assertThat(BoolValue.of(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "yes", "y", "on", "t", "f", "n", "off", "F", "00", "-1", "nonsense", "0 0"})
    void everythingElseIsTrue(String value) {
        assertThat(BoolValue.of(value)).isTrue();
    }

    @Test
    void notStrconvParseBool() {
        assertThat(BoolValue.of("f")).as("BoolValue").isTrue();
        assertThat(Strconv.parseBool("f")).as("ParseBool").isFalse();
    }

    @Test
    void anAbsentParameterIsFalseOrTheDefault() {
        assertThat(BoolValue.of(null)).isFalse();
        assertThat(BoolValue.orDefault(null, true)).isTrue();
        assertThat(BoolValue.orDefault("", true)).as("present but empty: BoolValue").isFalse();
        assertThat(BoolValue.orDefault("0", true)).isFalse();
        assertThat(BoolValue.orDefault("1", false)).isTrue();
    }
}
