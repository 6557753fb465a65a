package io.netdock.portmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EphemeralRangeTest {

    @Test
    void acceptsTheDashAndTheProcForms() {
        assertThat(EphemeralRange.of("49000-49900")).isEqualTo(new EphemeralRange(49000, 49900));
        assertThat(EphemeralRange.parse("32768\t60999\n")).isEqualTo(new EphemeralRange(32768, 60999));
        assertThat(EphemeralRange.parse("49000 49900")).isEqualTo(new EphemeralRange(49000, 49900));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> EphemeralRange.of("60000-50000")).hasMessageContaining("netdock.ports.range");
        assertThatThrownBy(() -> EphemeralRange.of("abc")).hasMessageContaining("netdock.ports.range");
    }

    @Test
    void defaultsToTheHostsRange() {
        EphemeralRange range = EphemeralRange.of(null);
        if (java.nio.file.Files.isReadable(EphemeralRange.PROC)) {
            assertThat(range).isNotEqualTo(new EphemeralRange(49153, 65535));
        }
        assertThat(range.first()).isPositive();
        assertThat(range.last()).isGreaterThanOrEqualTo(range.first());
    }
}
