package io.netdock.portmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import org.junit.jupiter.api.Test;

class EphemeralRangeTest {

    private static final String UNUSED = "the configured range wins";

    @Test
    void acceptsTheDashAndTheProcForms() {
        assertThat(EphemeralRange.of("49000-49900", () -> UNUSED)).isEqualTo(new EphemeralRange(49000, 49900));
        assertThat(EphemeralRange.parse("32768\t60999\n")).isEqualTo(new EphemeralRange(32768, 60999));
        assertThat(EphemeralRange.parse("49000 49900")).isEqualTo(new EphemeralRange(49000, 49900));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> EphemeralRange.of("60000-50000", () -> UNUSED))
                .hasMessageContaining("netdock.ports.range");
        assertThatThrownBy(() -> EphemeralRange.of("abc", () -> UNUSED)).hasMessageContaining("netdock.ports.range");
    }

    @Test
    void defaultsToTheHostNamespacesRange() {
        assertThat(EphemeralRange.of(null, () -> "40000\t40100")).isEqualTo(new EphemeralRange(40000, 40100));
        assertThat(EphemeralRange.of("", () -> "32768\t60999")).isEqualTo(new EphemeralRange(32768, 60999));
    }

    @Test
    void anUnreadableOrOddHostRangeFallsBackToDockersDefault() {
        assertThat(EphemeralRange.of(null, () -> {
            throw KernelException.of("read /proc/sys/" + EphemeralRange.SYSCTL, Errno.ENOENT);
        })).isEqualTo(EphemeralRange.FALLBACK);
        assertThat(EphemeralRange.of(null, () -> "70000 80000")).isEqualTo(EphemeralRange.FALLBACK);
    }
}
