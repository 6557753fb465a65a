package io.netdock.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpPrefixTest {

    @Test
    void derivesTheLinkLocalAddressLinuxGivesAMac() {
        assertThat(IpPrefix.linkLocal("02:42:ac:11:00:02")).hasToString("fe80::42:acff:fe11:2/64");
        assertThat(IpPrefix.linkLocal("00:11:22:33:44:55")).hasToString("fe80::211:22ff:fe33:4455/64");
        assertThatThrownBy(() -> IpPrefix.linkLocal("02:42:ac:11:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsAddressesAsIpAndNftDo() {
        assertThat(IpPrefix.parse("fd00:0:0:1::1/64")).hasToString("fd00:0:0:1::1/64");
        assertThat(IpPrefix.parse("172.30.1.1/24").network()).hasToString("172.30.1.0/24");
    }

    @Test
    void takesOnlyStrictAddresses() {
        assertThatThrownBy(() -> IpPrefix.parse("1.2.3/8")).hasMessage("not an IP address: 1.2.3");
        assertThatThrownBy(() -> IpPrefix.parse("010.0.0.1/8")).hasMessage("not an IP address: 010.0.0.1");
    }
}
