package io.netdock.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.net.IpAddresses;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void parsesLikeGoAndRejectsWhatGoRejects() {
        assertThat(Cidr.parseOrNull("10.61.0.5/24")).hasToString("10.61.0.5/24");
        assertThat(Cidr.parseOrNull("10.61.0.5/24").masked()).hasToString("10.61.0.0/24");
        assertThat(Cidr.parseOrNull("10.61.0.5/24").hasHostBits()).isTrue();
        assertThat(Cidr.parseOrNull("FD00:0071::/64")).hasToString("fd00:71::/64");
        for (String bad : new String[] {"notasubnet", "10.0.0.0/33", "10.0.0.0", "10.0.0.0/", "010.0.0.0/8",
                "10.0.0.256/24", "::1/129", "fd00::x/64", "10.0.0.0/-1", "", "1.2.3.4/ 8", "example.com/8"}) {
            assertThat(Cidr.parseOrNull(bad)).as(bad).isNull();
        }
    }

    @Test
    void overlapAndContainment() {
        Cidr docker0 = Cidr.parse("172.17.0.0/16");
        assertThat(docker0.overlaps(Cidr.parse("172.17.5.0/24"))).isTrue();
        assertThat(docker0.overlaps(Cidr.parse("172.0.0.0/8"))).isTrue();
        assertThat(docker0.overlaps(Cidr.parse("172.18.0.0/16"))).isFalse();
        assertThat(docker0.overlaps(Cidr.parse("fd00::/8"))).isFalse();
        assertThat(docker0.contains(IpAddresses.parseOrNull("172.17.255.255"))).isTrue();
        assertThat(docker0.contains(IpAddresses.parseOrNull("172.18.0.0"))).isFalse();
    }

    @Test
    void formatsIpv6LikeGo() {
        assertThat(IpAddresses.format(IpAddresses.parseOrNull("fd00:0:0:0:0:0:0:1"))).isEqualTo("fd00::1");
        assertThat(IpAddresses.format(IpAddresses.parseOrNull("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddresses.format(IpAddresses.parseOrNull("::"))).isEqualTo("::");
        assertThat(IpAddresses.format(IpAddresses.parseOrNull("1:0:2:3:4:5:6:7"))).isEqualTo("1:0:2:3:4:5:6:7");
        assertThat(IpAddresses.format(IpAddresses.parseOrNull("::ffff:0:1.2.3.4"))).isEqualTo("::ffff:0:102:304");
    }

    @Test
    void neverResolvesNames() {
        assertThat(IpAddresses.parseOrNull("localhost")).isNull();
        assertThat(IpAddresses.parseOrNull("1.2.3")).isNull();
        assertThat(IpAddresses.parseOrNull("1::2::3")).isNull();
        assertThat(IpAddresses.parseOrNull("1:2:3:4:5:6:7:8:9")).isNull();
    }
}
