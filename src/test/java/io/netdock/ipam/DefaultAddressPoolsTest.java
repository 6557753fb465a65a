package io.netdock.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultAddressPoolsTest {

    private final DefaultAddressPools docker = DefaultAddressPools.from(new IpamProperties(null), "engine-1");

    @Test
    void dockersDefaultsInFirstFitOrder() {
        List<Cidr> inUse = new ArrayList<>(List.of(Cidr.parse("172.17.0.0/16")));
        List<String> handedOut = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Cidr subnet = docker.firstFree(false, inUse);
            inUse.add(subnet);
            handedOut.add(subnet.toString());
        }
        assertThat(handedOut).startsWith("172.18.0.0/16", "172.19.0.0/16", "172.20.0.0/16")
                .contains("172.31.0.0/16").endsWith("192.168.0.0/20", "192.168.16.0/20");
        inUse.remove(Cidr.parse("172.19.0.0/16"));
        assertThat(docker.firstFree(false, inUse)).as("first fit reuses a freed subnet").hasToString("172.19.0.0/16");
    }

    @Test
    void skipsSubnetsThatOverlapUserSubnetsOfAnySize() {
        List<Cidr> inUse = List.of(Cidr.parse("172.17.0.0/16"), Cidr.parse("172.18.5.0/24"), Cidr.parse("172.16.0.0/12"));
        assertThat(docker.firstFree(false, inUse)).hasToString("192.168.0.0/20");
    }

    @Test
    void exhaustionIsDockersError() {
        List<Cidr> inUse = List.of(Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"));
        assertThatThrownBy(() -> docker.firstFree(false, inUse)).isInstanceOf(SubnetsExhausted.class)
                .hasMessage("all predefined address pools have been fully subnetted");
    }

    @Test
    void ipv6ComesFromAUlaSlash48DerivedFromTheEngine() {
        Cidr first = docker.firstFree(true, List.of());
        assertThat(first.prefixLength()).isEqualTo(64);
        assertThat(first.toString()).startsWith("fd").endsWith("::/64");
        assertThat(DefaultAddressPools.uniqueLocalPrefix("engine-1").contains(first)).isTrue();
        assertThat(docker.firstFree(true, List.of(first))).isNotEqualTo(first);
        assertThat(DefaultAddressPools.uniqueLocalPrefix("engine-2")).isNotEqualTo(
                DefaultAddressPools.uniqueLocalPrefix("engine-1"));
    }

    @Test
    void configuredPoolsReplaceTheDefaults() {
        DefaultAddressPools pools = DefaultAddressPools.from(new IpamProperties(List.of(
                new IpamProperties.PoolSpec("10.10.0.0/16", 24), new IpamProperties.PoolSpec("fd12:3456::/56", 64))),
                "engine");
        assertThat(pools.firstFree(false, List.of())).hasToString("10.10.0.0/24");
        assertThat(pools.firstFree(false, List.of(Cidr.parse("10.10.0.0/23")))).hasToString("10.10.2.0/24");
        assertThat(pools.firstFree(true, List.of())).hasToString("fd12:3456::/64");
    }

    @Test
    void aBadPoolIsRefusedAtStart() {
        assertThatThrownBy(() -> DefaultAddressPools.from(new IpamProperties(List.of(
                new IpamProperties.PoolSpec("10.10.0.0/16", 8))), "e"))
                .hasMessageContaining("size 8 must be between 16 and 32");
        assertThatThrownBy(() -> DefaultAddressPools.from(new IpamProperties(List.of(
                new IpamProperties.PoolSpec("10.10.0.1/16", 24))), "e"))
                .hasMessageContaining("host bits");
    }
}
