package io.netdock.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HostListenerAddressTest {

    @Test
    void emptyMeansNoListener() {
        assertThat(HostListenerAddress.parse("")).isEmpty();
        assertThat(HostListenerAddress.parse(null)).isEmpty();
    }

    @Test
    void ipv4AndBracketedIpv6WithAPort() {
        assertThat(HostListenerAddress.parse("127.0.0.1:5353"))
                .contains(new InetSocketAddress(DnsFixtures.address("127.0.0.1"), 5353));
        assertThat(HostListenerAddress.parse("[::1]:53"))
                .contains(new InetSocketAddress(DnsFixtures.address("::1"), 53));
    }

    @Test
    void namesMissingPortsAndBadPortsAreRefused() {
        for (String bad : new String[] {"localhost:5353", "127.0.0.1", "::1:53", "127.0.0.1:99999", "127.0.0.1:x",
                ":53", "999.0.0.1:53"}) {
            assertThatThrownBy(() -> HostListenerAddress.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("netdock.dns.host-listener");
        }
    }
}
