package io.netdock.kernel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.spi.FirewallRule;
import io.netdock.net.IpAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules behind networks and published ports, in nft's words. */
class FirewallRulesTest {

    private static final String ID = "0123456789ab".repeat(5) + "cdef";

    private static List<String> listed(List<FirewallRule> rules) {
        return rules.stream().map(rule -> rule.chain() + ": " + rule.listed()).toList();
    }

    @Test
    void aDualStackNetworkMasqueradesBothFamilies() {
        BridgeNetwork network = new BridgeNetwork(ID, "docker0",
                List.of(IpPrefix.parse("172.17.0.1/16"), IpPrefix.parse("fd00:1::1/64")), 1500, false, true, true, "");
        String mark = " comment \"netdock network " + ID + "\"";
        assertThat(listed(FirewallRules.network(network))).containsExactly(
                "forward: iifname \"docker0\" oifname != \"docker0\" jump isolation" + mark,
                "isolation: oifname \"docker0\" drop" + mark,
                "postrouting: oifname \"docker0\" fib saddr type local masquerade" + mark,
                "postrouting: ip saddr 172.17.0.0/16 oifname != \"docker0\" masquerade" + mark,
                "postrouting: ip6 saddr fd00:1::/64 oifname != \"docker0\" masquerade" + mark);
    }

    @Test
    void masqueradeOffKeepsIsolationAndLocalHairpinOnly() {
        BridgeNetwork network = new BridgeNetwork(ID, "br-x", List.of(IpPrefix.parse("10.1.0.1/24")), 1500, false,
                true, false, "");
        assertThat(listed(FirewallRules.network(network))).noneMatch(rule -> rule.contains("saddr 10.1.0.0/24"));
    }

    @Test
    void anIpv6ForwardDnatsToTheBracketedAddress() {
        PortForward forward = new PortForward("e1".repeat(32), "br-x", "udp", IpAddresses.parse("::"), 53,
                IpAddresses.parse("fd00::2"), 5353);
        String mark = " comment \"netdock port " + "e1".repeat(32) + " udp :: 53\"";
        assertThat(listed(FirewallRules.forward(forward, null))).containsExactly(
                "published: meta nfproto ipv6 udp dport 53 dnat ip6 to [fd00::2]:5353" + mark,
                "postrouting: ip6 saddr fd00::2 ip6 daddr fd00::2 udp dport 5353 masquerade" + mark);
    }

    @Test
    void anAnyAddressForwardOfTheOtherFamilyNeedsAProxyAndGetsNoRule() {
        PortForward forward = new PortForward("e1".repeat(32), "br-x", "tcp", IpAddresses.parse("::"), 80,
                IpAddresses.parse("172.17.0.2"), 80);
        assertThat(FirewallRules.forward(forward, null)).isEmpty();
    }

    @Test
    void thePortCommentFitsNftsLimitEvenForTheLongestIpv6HostAddress() {
        PortForward forward = new PortForward("e1".repeat(32), "br-x", "sctp",
                IpAddresses.parse("fd00:1234:5678:9abc:def0:1234:5678:9abc"), 65535,
                IpAddresses.parse("fd00::2"), 65535);
        assertThat(Names.port(forward)).hasSizeLessThanOrEqualTo(128);
        assertThat(FirewallRules.forward(forward, null)).hasSize(2);
    }
}
