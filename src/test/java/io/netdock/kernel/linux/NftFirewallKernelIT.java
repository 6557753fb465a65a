package io.netdock.kernel.linux;

import static io.netdock.testing.ThrowawayNamespace.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.Golden;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.net.IpAddresses;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * netdock's table on the real kernel with many rules and with changes made behind netdock's back: the mirror of
 * rule handles follows the kernel's notifications, re-reads itself when the kernel drops some or a handle is
 * stale, and removals stay exact.
 */
@RealKernel
class NftFirewallKernelIT {

    private static final String ENDPOINT = "e1".repeat(32);
    private static final BridgeNetwork NETWORK = new BridgeNetwork("a1".repeat(32), "br-a1a1a1a1a1a1",
            List.of(IpPrefix.parse("172.30.1.1/24")), 1500, false, true, true, "");
    /** The table's base rules plus network A's rules: every rule netdock writes carries a "netdock" comment. */
    private static final int NETWORK_RULES = rulesIn(Golden.NETWORK_A);
    /** A published port's rules: network-a-published.nft publishes two ports (DNAT and hairpin masquerade each). */
    private static final int RULES_PER_PORT = (rulesIn(Golden.NETWORK_A_PUBLISHED) - NETWORK_RULES) / 2;

    @RegisterExtension
    final ThrowawayNamespace namespace = new ThrowawayNamespace();

    private LinuxKernel kernel;
    private BridgeDriver plumbing;

    @BeforeEach
    void start() {
        kernel = LinuxKernel.open(namespace.netnsDirectory(), namespace.name());
        plumbing = new BridgeDriver(kernel);
        plumbing.setUpNetwork(NETWORK);
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    private static int rulesIn(String ruleset) {
        return (int) ruleset.lines().filter(line -> line.contains(" comment \"netdock")).count();
    }

    private static PortForward port(int hostPort) {
        return new PortForward(ENDPOINT, NETWORK.bridgeName(), "tcp", IpAddresses.parse("0.0.0.0"), hostPort,
                IpAddresses.parse("172.30.1.2"), 80);
    }

    private static List<PortForward> ports(int from, int count) {
        List<PortForward> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(port(from + i));
        }
        return ports;
    }

    private NftFirewall firewall() {
        return (NftFirewall) kernel.firewall();
    }

    private String nft(String... words) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace.name(), "nft"));
        command.addAll(List.of(words));
        return run(command.toArray(String[]::new));
    }

    private long handleOf(String comment) {
        Matcher matcher = Pattern.compile("comment \"" + Pattern.quote(comment) + "\" # handle (\\d+)")
                .matcher(nft("-a", "list", "chain", "inet", "netdock", "published"));
        assertThat(matcher.find()).as("a rule with comment " + comment).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void thousandsOfRulesArePublishedAndRemovedInOneTransactionEachAndTheMirrorKeepsUp() {
        plumbing.publish(ports(20000, 1500));

        // 3000 notifications overflow the socket: the mirror re-reads the table and still knows every rule
        assertThat(firewall().mirroredRules()).isEqualTo(NETWORK_RULES + 1500 * RULES_PER_PORT);
        plumbing.unpublish(List.of(port(20700)));
        assertThat(plumbing.view().ruleset()).doesNotContain(" 20700 ").contains(" 20699 ", " 20701 ");

        plumbing.unpublish(ports(20000, 1500));

        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.NETWORK_A);
        assertThat(firewall().mirroredRules()).isEqualTo(NETWORK_RULES);
    }

    @Test
    void aRuleDeletedBehindNetdocksBackDoesNotBreakRemovingTheOthers() {
        plumbing.publish(List.of(port(18080), port(18081)));
        nft("delete", "rule", "inet", "netdock", "published", "handle",
                Long.toString(handleOf("netdock port " + ENDPOINT + " tcp 0.0.0.0 18080")));

        plumbing.unpublish(List.of(port(18080), port(18081)));

        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.NETWORK_A);
    }

    @Test
    void aTableRebuiltBehindNetdocksBackIsFollowedAndItsRulesRemovedExactly() {
        plumbing.publish(List.of(port(18080)));
        String saved = nft("list", "table", "inet", "netdock");
        // the same rules under new handles, and no notification netdock could have missed being older than that
        nft("delete", "table", "inet", "netdock");
        run("sh", "-c", "printf '%s' \"$0\" | ip netns exec " + namespace.name() + " nft -f -", saved);

        plumbing.unpublish(List.of(port(18080)));

        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.NETWORK_A);
    }
}
