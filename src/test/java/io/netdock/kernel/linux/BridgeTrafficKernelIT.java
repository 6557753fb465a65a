package io.netdock.kernel.linux;

import static io.netdock.testing.ThrowawayNamespace.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.DesiredState;
import io.netdock.kernel.Golden;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.Sandbox;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.net.IpAddresses;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayNamespace;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real packets through what netdock builds, observed from inside the namespaces. The throwaway host has one
 * "uplink" veth to a throwaway "world" namespace (10.200.0.0/24) that routes container subnets back through the
 * host, so only netdock's rules decide what gets out, and the address the world sees proves masquerade. A
 * blocked path is a connect that times out (the rules drop, as Docker's do).
 */
@RealKernel
class BridgeTrafficKernelIT {

    private static final int BLOCKED_WITHIN_MILLIS = 400;
    private static final int ANSWERS_WITHIN_MILLIS = 5_000;

    @RegisterExtension
    final ThrowawayNamespace namespace = new ThrowawayNamespace();

    private final String world = "ndk-w-" + UUID.randomUUID().toString().substring(0, 8);
    private LinuxKernel kernel;
    private BridgeDriver plumbing;

    @BeforeEach
    void start() {
        kernel = LinuxKernel.open(namespace.netnsDirectory(), namespace.name());
        plumbing = new BridgeDriver(kernel);
        run("ip", "netns", "add", world);
        run("ip", "-n", namespace.name(), "link", "add", "uplink", "type", "veth", "peer", "name", "eth0",
                "netns", world);
        run("ip", "-n", namespace.name(), "addr", "add", "10.200.0.1/24", "dev", "uplink");
        run("ip", "-n", namespace.name(), "link", "set", "uplink", "up");
        run("ip", "-n", world, "addr", "add", "10.200.0.2/24", "dev", "eth0");
        run("ip", "-n", world, "link", "set", "eth0", "up");
        run("ip", "-n", world, "link", "set", "lo", "up");
        // a way back to every container subnet: only netdock's rules can keep a container from the world
        run("ip", "-n", world, "route", "add", "172.30.0.0/16", "via", "10.200.0.1");
    }

    @AfterEach
    void stop() {
        kernel.close();
        run("ip", "netns", "del", world);
    }

    private static BridgeNetwork network(String id, String subnetGateway, boolean internal, boolean icc) {
        return new BridgeNetwork(id.repeat(32), "br-" + id.repeat(6), List.of(IpPrefix.parse(subnetGateway)), 1500,
                internal, icc, true, "");
    }

    private Path container(String sandbox, BridgeNetwork network, String endpoint, String address) {
        Sandbox created = plumbing.createSandbox(sandbox.repeat(32));
        IpPrefix ip = IpPrefix.parse(address);
        plumbing.attach(new Attachment(network, created.id(), endpoint.repeat(32), "eth0", null, List.of(ip),
                network.gateways().get(0).address(), null));
        return Path.of(created.key());
    }

    private Path worldKey() {
        return Path.of("/run/netns", world);
    }

    @Test
    void twoContainersOnOneNetworkTalkAndReachTheWorldThroughMasquerade() throws Exception {
        BridgeNetwork network = network("a1", "172.30.1.1/24", false, true);
        plumbing.setUpNetwork(network);
        Path first = container("c1", network, "e1", "172.30.1.2/24");
        Path second = container("c2", network, "e2", "172.30.1.3/24");

        try (EchoServer server = EchoServer.start(first, "172.30.1.2", 8000, "c1");
             EchoServer outside = EchoServer.start(worldKey(), "10.200.0.2", 9000, "world")) {
            assertThat(EchoServer.fetch(second, "172.30.1.2", 8000, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from c1 to 172.30.1.3");
            assertThat(EchoServer.fetch(second, "10.200.0.2", 9000, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from world to 10.200.0.1");
        }
        assertThat(run("nsenter", "--net=" + first, "ip", "-o", "link", "show", "eth0"))
                .contains("eth0@if");
    }

    private static final PortForward WEB_PORT = new PortForward("e1".repeat(32), "br-a1a1a1a1a1a1", "tcp",
            IpAddresses.parse("0.0.0.0"), 18080, IpAddresses.parse("172.30.1.2"), 8000);

    /** Network a1 with container c1 at 172.30.1.2, its port 8000 published as 0.0.0.0:18080. */
    private Path publishedWebContainer() {
        BridgeNetwork network = network("a1", "172.30.1.1/24", false, true);
        plumbing.setUpNetwork(network);
        Path web = container("c1", network, "e1", "172.30.1.2/24");
        plumbing.publish(List.of(WEB_PORT));
        return web;
    }

    @Test
    void aPublishedPortAnswersOnTheHostFromLoopbackAndFromOutside() throws Exception {
        Path web = publishedWebContainer();

        try (EchoServer server = EchoServer.start(web, "172.30.1.2", 8000, "web")) {
            assertThat(EchoServer.fetch(namespace.hostKey(), "127.0.0.1", 18080, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from web to 172.30.1.1");
            assertThat(EchoServer.fetch(worldKey(), "10.200.0.1", 18080, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from web to 10.200.0.2");

            plumbing.unpublish(List.of(WEB_PORT));
            assertThatThrownBy(() -> EchoServer.fetch(namespace.hostKey(), "127.0.0.1", 18080, ANSWERS_WITHIN_MILLIS))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aContainerReachesItsOwnPublishedPortThroughAHostAddress() throws Exception {
        Path web = publishedWebContainer();

        // br_netfilter (on by default in a new namespace) DNATs the frame while bridging it, so it goes back out
        // of the port it came in on: only hairpin mode lets it; the hairpin masquerade makes the answer come back
        try (EchoServer server = EchoServer.start(web, "172.30.1.2", 8000, "web")) {
            assertThat(EchoServer.fetch(web, "10.200.0.1", 18080, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from web to 172.30.1.1");
        }
        assertThat(run("ip", "-n", namespace.name(), "-d", "link", "show", "vethe1e1e1e1e1e")).contains("hairpin on");
    }

    @Test
    void containersOnDifferentNetworksCannotReachEachOther() throws Exception {
        BridgeNetwork a = network("a1", "172.30.1.1/24", false, true);
        BridgeNetwork b = network("b2", "172.30.2.1/24", false, true);
        plumbing.setUpNetwork(a);
        plumbing.setUpNetwork(b);
        Path onA = container("c1", a, "e1", "172.30.1.2/24");
        Path onB = container("c2", b, "e2", "172.30.2.2/24");

        try (EchoServer server = EchoServer.start(onB, "172.30.2.2", 8000, "c2")) {
            assertThatThrownBy(() -> EchoServer.fetch(onA, "172.30.2.2", 8000, BLOCKED_WITHIN_MILLIS))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(EchoServer.fetch(namespace.hostKey(), "172.30.2.2", 8000, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from c2 to 172.30.2.1");
        }
    }

    @Test
    void anInternalNetworkHasNoWayOut() throws Exception {
        BridgeNetwork internal = network("b2", "172.30.2.1/24", true, true);
        plumbing.setUpNetwork(internal);
        Path sandbox = container("c1", internal, "e1", "172.30.2.2/24");

        try (EchoServer outside = EchoServer.start(worldKey(), "10.200.0.2", 9000, "world")) {
            assertThatThrownBy(() -> EchoServer.fetch(sandbox, "10.200.0.2", 9000, BLOCKED_WITHIN_MILLIS))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void disabledIccBlocksTrafficBetweenContainersOfTheNetwork() throws Exception {
        BridgeNetwork network = network("a1", "172.30.1.1/24", false, false);
        plumbing.setUpNetwork(network);
        Path first = container("c1", network, "e1", "172.30.1.2/24");
        Path second = container("c2", network, "e2", "172.30.1.3/24");

        try (EchoServer server = EchoServer.start(first, "172.30.1.2", 8000, "c1")) {
            assertThatThrownBy(() -> EchoServer.fetch(second, "172.30.1.2", 8000, BLOCKED_WITHIN_MILLIS))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(EchoServer.fetch(namespace.hostKey(), "172.30.1.2", 8000, ANSWERS_WITHIN_MILLIS))
                    .isEqualTo("hello from c1 to 172.30.1.1");
        }
    }

    @Test
    void tearDownLeavesNoBridgeVethOrRuleAsIpAndNftSeeIt() {
        publishedWebContainer();

        plumbing.unpublish(List.of(WEB_PORT));
        plumbing.removeSandbox("c1".repeat(32));
        plumbing.tearDownNetwork(network("a1", "172.30.1.1/24", false, true));
        kernel.settle();

        assertThat(run("ip", "-n", namespace.name(), "-o", "link", "show")).doesNotContain("br-", "veth", "gone-");
        assertThat(run("ip", "netns", "exec", namespace.name(), "nft", "list", "table", "inet", "netdock"))
                .isEqualTo(Golden.EMPTY_TABLE);
        assertThat(namespace.netnsDirectory()).isEmptyDirectory();
    }

    @Test
    void afterACrashReconcileRemovesOrphansEvenHalfMadeOnes() throws Exception {
        BridgeNetwork network = network("a1", "172.30.1.1/24", false, true);
        plumbing.setUpNetwork(network);
        container("c1", network, "e1", "172.30.1.2/24");
        Files.createFile(namespace.netnsDirectory().resolve("0123456789ab")); // crashed before the mount
        // crashed with links retired but not yet deleted: a bridge renamed in netdock's group, veths in the retired one
        run("ip", "-n", namespace.name(), "link", "add", "gone-00000000b1", "group", "0x6e646b01", "type", "bridge");
        run("ip", "-n", namespace.name(), "link", "add", "gone-00000000e1", "group", "0x6e646b02", "type", "veth",
                "peer", "name", "gone-00000000e2", "group", "0x6e646b02");
        kernel.close(); // the process dies; the namespaces stay

        kernel = LinuxKernel.open(namespace.netnsDirectory(), namespace.name());
        plumbing = new BridgeDriver(kernel);
        plumbing.reconcile(DesiredState.empty());

        assertThat(run("ip", "-n", namespace.name(), "-o", "link", "show")).doesNotContain("br-", "veth", "gone-");
        assertThat(namespace.netnsDirectory()).isEmptyDirectory();
        assertThat(run("ip", "netns", "exec", namespace.name(), "nft", "list", "table", "inet", "netdock"))
                .isEqualTo(Golden.EMPTY_TABLE);
    }

    @Test
    void aSandboxWhoseNamespaceACrashUnmountedIsMadeAgainWhenTheDatabaseStillWantsIt() throws Exception {
        BridgeNetwork network = network("a1", "172.30.1.1/24", false, true);
        plumbing.setUpNetwork(network);
        Path key = container("c1", network, "e1", "172.30.1.2/24");
        // killed in the middle of removing the sandbox: unmounted, its file not yet deleted, nothing committed; the
        // kernel frees the old namespace (and the veth into it) in the background: held open here, it stays meanwhile
        var oldNamespace = java.nio.channels.FileChannel.open(key);
        run("umount", "-l", key.toString());
        assertThat(key).exists();
        kernel.close();

        kernel = LinuxKernel.open(namespace.netnsDirectory(), namespace.name());
        plumbing = new BridgeDriver(kernel);
        IpPrefix ip = IpPrefix.parse("172.30.1.2/24");
        Attachment wanted = new Attachment(network, "c1".repeat(32), "e1".repeat(32), "eth0", null, List.of(ip),
                network.gateways().get(0).address(), null);
        var report = plumbing.reconcile(new DesiredState(List.of(network), List.of("c1".repeat(32)), List.of(wanted),
                List.of()));

        oldNamespace.close();

        assertThat(report.failures()).isEmpty();
        assertThat(run("nsenter", "--net=" + key, "ip", "-o", "-4", "addr", "show", "eth0")).contains("172.30.1.2/24");
    }
}
