package io.netdock.kernel.linux;

import static io.netdock.testing.ThrowawayNamespace.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.Sandbox;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.net.IpAddresses;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bridge retired by a network's removal and not yet deleted serves the next new network (networks coming and
 * going would otherwise wait for the RTNL lock behind the deletion of old bridges): renamed, with the new network's
 * MAC, MTU, mark and gateway and nothing of the old one's, it works like a new bridge.
 */
@RealKernel
class BridgeReuseKernelIT {

    @RegisterExtension
    final ThrowawayNamespace namespace = new ThrowawayNamespace();

    private LinuxKernel kernel;
    private BridgeDriver plumbing;

    @BeforeEach
    void start() {
        // retired links stay until settled: what a burst of requests sees, whatever the machine's load
        kernel = LinuxKernel.open(namespace.netnsDirectory(), namespace.name(),
                new Reaper.Patience(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        plumbing = new BridgeDriver(kernel);
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    private static BridgeNetwork network(String id, String gateway, int mtu) {
        return new BridgeNetwork(id.repeat(32), "br-" + id.repeat(6), List.of(IpPrefix.parse(gateway)), mtu, false,
                true, true, "");
    }

    private String link(String name) {
        return run("ip", "-n", namespace.name(), "-d", "-o", "link", "show", name);
    }

    private static String indexOf(String ipLinkLine) {
        return ipLinkLine.substring(0, ipLinkLine.indexOf(':'));
    }

    @Test
    void aRetiredBridgeBecomesTheNextNetworksBridgeWithNothingOfTheOldOne() throws Exception {
        BridgeNetwork old = network("a1", "10.30.1.1/24", 1500);
        plumbing.setUpNetwork(old);
        String before = link(old.bridgeName());
        plumbing.tearDownNetwork(old);
        assertThat(run("ip", "-n", namespace.name(), "-o", "addr", "show")).doesNotContain("10.30.1.1");

        BridgeNetwork reused = network("b2", "10.30.2.1/24", 1400);
        plumbing.setUpNetwork(reused);
        String after = link(reused.bridgeName());
        assertThat(indexOf(after)).isEqualTo(indexOf(before));
        assertThat(after).contains("mtu 1400", ",UP", "alias netdock network " + "b2".repeat(32), " bridge ")
                .doesNotContain(before.replaceAll(".*link/ether (\\S+).*", "$1"));
        assertThat(run("ip", "-n", namespace.name(), "-o", "addr", "show", reused.bridgeName()).lines().toList())
                .singleElement().asString().contains("inet 10.30.2.1/24");

        Sandbox sandbox = plumbing.createSandbox("c1".repeat(32));
        plumbing.attach(new Attachment(reused, sandbox.id(), "e1".repeat(32), "eth0", null,
                List.of(IpPrefix.parse("10.30.2.2/24")), IpAddresses.parse("10.30.2.1"), null));
        try (EchoServer server = EchoServer.start(Path.of(sandbox.key()), "10.30.2.2", 8000, "c1")) {
            assertThat(EchoServer.fetch(namespace.hostKey(), "10.30.2.2", 8000, 5_000))
                    .isEqualTo("hello from c1 to 10.30.2.1");
        }
    }

    @Test
    void aRetiredBridgeThatStillHasPortsIsLeftToTheReaper() {
        BridgeNetwork old = network("a1", "10.30.1.1/24", 1500);
        plumbing.setUpNetwork(old);
        String before = link(old.bridgeName());
        plumbing.tearDownNetwork(old);
        String retired = run("ip", "-n", namespace.name(), "-o", "link", "show", "type", "bridge").lines()
                .filter(line -> line.contains("gone-")).findFirst().orElseThrow().split(": ")[1];
        run("ip", "-n", namespace.name(), "link", "add", "port0", "type", "veth", "peer", "name", "port1");
        run("ip", "-n", namespace.name(), "link", "set", "port0", "master", retired);

        BridgeNetwork next = network("b2", "10.30.2.1/24", 1500);
        plumbing.setUpNetwork(next);
        assertThat(indexOf(link(next.bridgeName()))).isNotEqualTo(indexOf(before));
        kernel.settle();
        assertThat(run("ip", "-n", namespace.name(), "-o", "link", "show")).doesNotContain("gone-");
    }
}
