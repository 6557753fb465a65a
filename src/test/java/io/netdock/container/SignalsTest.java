package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void parsesNamesNumbersAndRealtime() {
        assertThat(Signals.parse("KILL")).isEqualTo(9);
        assertThat(Signals.parse("SIGTERM")).isEqualTo(15);
        assertThat(Signals.parse("hup")).isEqualTo(1);
        assertThat(Signals.parse("10")).isEqualTo(10);
        assertThat(Signals.parse("RTMIN+3")).isEqualTo(37);
    }

    @Test
    void rejectsUnknownSignalsInDockersWords() {
        assertThatThrownBy(() -> Signals.parse("BOGUS")).hasMessage("Invalid signal: BOGUS");
        assertThatThrownBy(() -> Signals.parse("0")).hasMessage("Invalid signal: 0");
    }

    @Test
    void ignoredSignalsDoNotEndTheContainer() {
        assertThat(Signals.terminates(Signals.parse("WINCH"))).isFalse();
        assertThat(Signals.terminates(Signals.parse("HUP"))).isTrue();
    }
}
