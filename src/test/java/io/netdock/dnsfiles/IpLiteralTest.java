package io.netdock.dnsfiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void printsLikeGoNetip() {
        assertThat(IpLiteral.canonical("fe00::0")).isEqualTo("fe00::");
        assertThat(IpLiteral.canonical("FD00:0:0::0099")).isEqualTo("fd00::99");
        assertThat(IpLiteral.canonical("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(IpLiteral.canonical("2001:0:0:1:0:0:2:3")).isEqualTo("2001::1:0:0:2:3");
        assertThat(IpLiteral.canonical("1:0:2:3:4:5:6:7")).isEqualTo("1:0:2:3:4:5:6:7");
        assertThat(IpLiteral.canonical("::ffff:10.0.0.1")).isEqualTo("::ffff:10.0.0.1");
        assertThat(IpLiteral.canonical("fe80::1%eth0")).isEqualTo("fe80::1%eth0");
        assertThat(IpLiteral.canonical("::")).isEqualTo("::");
    }

    @Test
    void rejectsWhatNetipRejectsAndNeverResolvesNames() {
        assertThat(IpLiteral.parse("010.0.0.1")).isEmpty();
        assertThat(IpLiteral.parse("1.2.3.4.5")).isEmpty();
        assertThat(IpLiteral.parse("256.0.0.1")).isEmpty();
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("fe80::1%")).isEmpty();
        assertThat(IpLiteral.parse("")).isEmpty();
    }

    @Test
    void knowsLoopbackAndFamily() {
        assertThat(IpLiteral.parse("127.0.0.53").orElseThrow().isLoopback()).isTrue();
        assertThat(IpLiteral.parse("::1").orElseThrow().isLoopback()).isTrue();
        assertThat(IpLiteral.parse("10.0.0.1").orElseThrow().isLoopback()).isFalse();
        assertThat(IpLiteral.parse("fd00::1").orElseThrow().is6()).isTrue();
        assertThat(IpLiteral.parse("10.0.0.1").orElseThrow().is6()).isFalse();
    }

    @Test
    void extraHostsSplitOnTheFirstColon() {
        assertThat(ExtraHost.parse("v6:fd00::99")).isEqualTo(new ExtraHost("v6", "fd00::99"));
    }
}
