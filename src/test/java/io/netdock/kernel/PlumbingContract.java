package io.netdock.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.kernel.CrashingKernel.ProcessKilled;
import io.netdock.kernel.KernelView.LinkView;
import io.netdock.kernel.KernelView.NamespaceView;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.kernel.spi.Kernel;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkGroups;
import io.netdock.kernel.spi.NewLink;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every kernel implementation must do, observed through the {@link Plumbing} port and its read-back view.
 * Runs against the simulated kernel ({@code SimulatedPlumbingTest}) and the real one
 * ({@code LinuxPlumbingKernelIT}), which must agree to the character, ruleset text included.
 */
public abstract class PlumbingContract {

    protected static final String NET_A = "a1".repeat(32);
    protected static final String NET_B = "b2".repeat(32);
    protected static final String SANDBOX_1 = "5a".repeat(32);
    protected static final String SANDBOX_2 = "6b".repeat(32);
    protected static final String ENDPOINT_1 = "e1".repeat(32);
    protected static final String ENDPOINT_2 = "e2".repeat(32);

    protected Kernel kernel;
    protected Plumbing plumbing;

    /** A kernel over the same machine state each time it is called (a second call is a netdock restart). */
    protected abstract Kernel openKernel();

    @BeforeEach
    void start() {
        kernel = openKernel();
        plumbing = new BridgeDriver(kernel);
    }

    @AfterEach
    void closeKernel() {
        if (kernel != null) {
            kernel.close();
        }
    }

    protected static BridgeNetwork network(String id, String bridge, String gateway) {
        return new BridgeNetwork(id, bridge, List.of(IpPrefix.parse(gateway)), 1500, false, true, true, "");
    }

    protected static BridgeNetwork networkA() {
        return network(NET_A, "br-a1a1a1a1a1a1", "172.30.1.1/24");
    }

    protected static BridgeNetwork networkB() {
        return network(NET_B, "br-b2b2b2b2b2b2", "172.30.2.1/24");
    }

    protected static Attachment attachment(BridgeNetwork network, String sandbox, String endpoint, String iface,
                                           String address) {
        IpPrefix ip = IpPrefix.parse(address);
        String mac = "02:42:" + String.format("%02x:%02x:%02x:%02x", ip.address().getAddress()[0] & 0xff,
                ip.address().getAddress()[1] & 0xff, ip.address().getAddress()[2] & 0xff,
                ip.address().getAddress()[3] & 0xff);
        return new Attachment(network, sandbox, endpoint, iface, mac, List.of(ip),
                network.gateways().get(0).address(), null);
    }

    protected static InetAddress ip(String text) {
        return IpAddresses.parse(text);
    }

    protected NamespaceView namespace(String name) {
        return plumbing.view().namespaces().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no namespace " + name + " in " + plumbing.view()));
    }

    protected Optional<LinkView> link(NamespaceView namespace, String name) {
        return namespace.links().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    protected List<String> linkNames(String namespace) {
        return namespace(namespace).links().stream().map(LinkView::name).toList();
    }

    @Test
    void aFreshHostHasLoopbackUpForwardingOnAndNetdocksEmptyTable() {
        NamespaceView host = namespace("host");
        assertThat(host.links()).extracting(LinkView::name, LinkView::kind, LinkView::up)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lo", "loopback", true));
        assertThat(host.addresses()).containsExactly("127.0.0.1/8 dev lo", "::1/128 dev lo");
        assertThat(kernel.host().sysctl("net/ipv4/ip_forward")).isEqualTo("1");
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.EMPTY_TABLE);
    }

    /** What the host's sysctls say, read in the host namespace (the throwaway one), not in the JVM's. */
    @Test
    void hostSysctlsAreReadInTheHostNamespace() {
        assertThat(plumbing.hostSysctl("net/ipv4/ip_local_port_range")).matches("[0-9]+\\s+[0-9]+");
        kernel.host().setSysctl("net/ipv4/ip_local_port_range", "40000 40100");
        assertThat(plumbing.hostSysctl("net/ipv4/ip_local_port_range")).matches("40000\\s+40100");
    }

    @Test
    void settingUpANetworkMakesItsBridgeWithGatewayRouteAndRules() {
        plumbing.setUpNetwork(networkA());

        NamespaceView host = namespace("host");
        LinkView bridge = link(host, "br-a1a1a1a1a1a1").orElseThrow();
        assertThat(bridge.kind()).isEqualTo("bridge");
        assertThat(bridge.up()).isTrue();
        assertThat(bridge.mtu()).isEqualTo(1500);
        assertThat(bridge.macAddress()).startsWith("02:42:");
        assertThat(host.addresses()).containsExactly("127.0.0.1/8 dev lo", "172.30.1.1/24 dev br-a1a1a1a1a1a1",
                "::1/128 dev lo");
        assertThat(host.routes()).containsExactly(
                "172.30.1.0/24 dev br-a1a1a1a1a1a1 proto kernel scope link src 172.30.1.1");
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.NETWORK_A);
        assertThat(kernel.host().sysctl("net/ipv4/conf/br-a1a1a1a1a1a1/route_localnet")).isEqualTo("1");
    }

    @Test
    void settingUpTwiceChangesNothing() {
        plumbing.setUpNetwork(networkA());
        KernelView once = plumbing.view();

        plumbing.setUpNetwork(networkA());

        assertThat(plumbing.view()).isEqualTo(once);
    }

    @Test
    void internalNetworksDropTrafficCrossingTheirBridgeAndDisabledIccDropsTrafficWithinIt() {
        BridgeNetwork internal = new BridgeNetwork(NET_B, "br-b2b2b2b2b2b2", List.of(IpPrefix.parse("172.30.2.1/24")),
                1400, true, false, true, "");

        plumbing.setUpNetwork(internal);

        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.INTERNAL_NO_ICC_B);
        assertThat(link(namespace("host"), "br-b2b2b2b2b2b2").orElseThrow().mtu()).isEqualTo(1400);
        assertThat(kernel.host().sysctl("net/bridge/bridge-nf-call-iptables")).isEqualTo("1");
    }

    @Test
    void aBridgeNameTakenBySomethingElseIsRefusedAndLeftAlone() {
        kernel.host().createLink(new NewLink.Bridge("br-a1a1a1a1a1a1", 1500, null));

        assertThatThrownBy(() -> plumbing.setUpNetwork(networkA()))
                .isInstanceOf(InterfaceNameTaken.class)
                .hasMessage("existing bridge br-a1a1a1a1a1a1 was not created by netdock; choose another bridge name");
        assertThat(link(namespace("host"), "br-a1a1a1a1a1a1")).isPresent();
        assertThat(namespace("host").addresses()).doesNotContain("172.30.1.1/24 dev br-a1a1a1a1a1a1");
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.EMPTY_TABLE);
    }

    @Test
    void aBridgeNameOfAnotherKindOfInterfaceIsDockersError() {
        assertThatThrownBy(() -> plumbing.setUpNetwork(network(NET_A, "lo", "172.30.1.1/24")))
                .isInstanceOf(InterfaceNameTaken.class)
                .hasMessage("existing interface lo is not a bridge");
        assertThat(link(namespace("host"), "lo")).hasValueSatisfying(lo -> assertThat(lo.kind()).isEqualTo("loopback"));
        assertThat(namespace("host").addresses()).doesNotContain("172.30.1.1/24 dev lo");
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.EMPTY_TABLE);
    }

    @Test
    void aFailingSetUpStepUnwindsTheStepsBeforeIt() {
        BridgeNetwork twice = new BridgeNetwork(NET_A, "br-a1a1a1a1a1a1",
                List.of(IpPrefix.parse("172.30.1.1/24"), IpPrefix.parse("172.30.1.1/24")), 1500, false, true, true, "");

        assertThatThrownBy(() -> plumbing.setUpNetwork(twice))
                .isInstanceOf(KernelObjectExists.class)
                .hasMessageStartingWith("add address 172.30.1.1/24 to br-a1a1a1a1a1a1: File exists");
        assertThat(linkNames("host")).containsExactly("lo");
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.EMPTY_TABLE);
    }

    @Test
    void aSandboxWithoutAttachmentsIsModeNoneLoopbackOnly() {
        Sandbox sandbox = plumbing.createSandbox(SANDBOX_1);

        assertThat(sandbox.id()).isEqualTo(SANDBOX_1);
        assertThat(sandbox.key()).isEqualTo(kernel.namespaceKey("5a5a5a5a5a5a"));
        NamespaceView namespace = namespace("5a5a5a5a5a5a");
        assertThat(namespace.links()).extracting(LinkView::name, LinkView::up)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lo", true));
        assertThat(namespace.addresses()).containsExactly("127.0.0.1/8 dev lo", "::1/128 dev lo");
        assertThat(namespace.routes()).isEmpty();
        assertThat(plumbing.createSandbox(SANDBOX_1)).isEqualTo(sandbox);
    }

    @Test
    void attachingJoinsTheSandboxToTheBridgeWithAVethPair() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        Attachment attachment = attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24");

        plumbing.attach(attachment);

        LinkView hostEnd = link(namespace("host"), "vethe1e1e1e1e1e").orElseThrow();
        NamespaceView sandbox = namespace("5a5a5a5a5a5a");
        LinkView eth0 = link(sandbox, "eth0").orElseThrow();
        assertThat(hostEnd.kind()).isEqualTo("veth");
        assertThat(hostEnd.master()).isEqualTo("br-a1a1a1a1a1a1");
        assertThat(hostEnd.up()).isTrue();
        assertThat(hostEnd.peerIndex()).isEqualTo(eth0.index());
        assertThat(eth0.peerIndex()).isEqualTo(hostEnd.index());
        assertThat(eth0.label()).isEqualTo("eth0@if" + hostEnd.index());
        assertThat(eth0.macAddress()).isEqualTo("02:42:ac:1e:01:02");
        assertThat(eth0.mtu()).isEqualTo(1500);
        assertThat(eth0.up()).isTrue();
        assertThat(sandbox.addresses()).containsExactly("127.0.0.1/8 dev lo", "172.30.1.2/24 dev eth0",
                "::1/128 dev lo");
        assertThat(sandbox.routes()).containsExactly("default via 172.30.1.1 dev eth0 proto static",
                "172.30.1.0/24 dev eth0 proto kernel scope link src 172.30.1.2");
    }

    @Test
    void netdocksLinksAreMarkedAsItsAndItsBridgePortsHairpin() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));

        Link bridge = kernel.host().link("br-a1a1a1a1a1a1").orElseThrow();
        Link port = kernel.host().link("vethe1e1e1e1e1e").orElseThrow();
        Link eth0 = kernel.namespace("5a5a5a5a5a5a").orElseThrow().link("eth0").orElseThrow();
        assertThat(bridge.group()).isEqualTo(LinkGroups.OWNED);
        assertThat(bridge.alias()).isEqualTo("netdock network " + NET_A);
        assertThat(bridge.hairpin()).isFalse();
        assertThat(port.group()).isEqualTo(LinkGroups.OWNED);
        assertThat(port.alias()).isEqualTo("netdock endpoint " + ENDPOINT_1);
        assertThat(port.hairpin()).isTrue();
        assertThat(eth0.group()).isZero();
        assertThat(eth0.hairpin()).isFalse();
    }

    @Test
    void aContainerOnAnIpv6NetworkHasALinkLocalAddressFromItsMacAndNetdocksOwnLinksHaveNone() {
        BridgeNetwork dual = new BridgeNetwork(NET_A, "br-a1a1a1a1a1a1",
                List.of(IpPrefix.parse("172.30.1.1/24"), IpPrefix.parse("fd00:30:1::1/64")), 1500, false, true, true,
                "");
        plumbing.setUpNetwork(dual);
        plumbing.createSandbox(SANDBOX_1);

        Attachment attachment = new Attachment(dual, SANDBOX_1, ENDPOINT_1, "eth0", "02:42:ac:1e:01:02",
                List.of(IpPrefix.parse("172.30.1.2/24"), IpPrefix.parse("fd00:30:1::2/64")), ip("172.30.1.1"),
                ip("fd00:30:1::1"));
        plumbing.attach(attachment);
        plumbing.attach(attachment);

        NamespaceView sandbox = namespace("5a5a5a5a5a5a");
        assertThat(sandbox.addresses()).containsExactly("127.0.0.1/8 dev lo", "172.30.1.2/24 dev eth0",
                "::1/128 dev lo", "fd00:30:1::2/64 dev eth0", "fe80::42:acff:fe1e:102/64 dev eth0");
        assertThat(sandbox.routes()).containsExactly("default via 172.30.1.1 dev eth0 proto static",
                "172.30.1.0/24 dev eth0 proto kernel scope link src 172.30.1.2",
                "fd00:30:1::/64 dev eth0 proto kernel metric 256",
                "fe80::/64 dev eth0 proto kernel metric 256",
                "default via fd00:30:1::1 dev eth0 proto static metric 1024");
        assertThat(namespace("host").addresses()).containsExactly("127.0.0.1/8 dev lo",
                "172.30.1.1/24 dev br-a1a1a1a1a1a1", "::1/128 dev lo", "fd00:30:1::1/64 dev br-a1a1a1a1a1a1");
    }

    @Test
    void attachingTwiceChangesNothing() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        Attachment attachment = attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24");
        plumbing.attach(attachment);
        KernelView once = plumbing.view();

        plumbing.attach(attachment);

        assertThat(plumbing.view()).isEqualTo(once);
    }

    @Test
    void aSandboxOnTwoNetworksHasAnInterfaceOnEachAndOneDefaultRoute() {
        plumbing.setUpNetwork(networkA());
        plumbing.setUpNetwork(networkB());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));
        Attachment second = attachment(networkB(), SANDBOX_1, ENDPOINT_2, "eth1", "172.30.2.2/24");

        plumbing.attach(new Attachment(second.network(), SANDBOX_1, ENDPOINT_2, "eth1", second.macAddress(),
                second.addresses(), null, null));

        assertThat(linkNames("5a5a5a5a5a5a")).containsExactly("lo", "eth0", "eth1");
        assertThat(namespace("5a5a5a5a5a5a").routes()).containsExactly(
                "default via 172.30.1.1 dev eth0 proto static",
                "172.30.1.0/24 dev eth0 proto kernel scope link src 172.30.1.2",
                "172.30.2.0/24 dev eth1 proto kernel scope link src 172.30.2.2");
        assertThat(link(namespace("host"), "vethe2e2e2e2e2e").orElseThrow().master()).isEqualTo("br-b2b2b2b2b2b2");
    }

    @Test
    void attachingToAMissingSandboxOrBridgeFailsAndLeavesNothing() {
        plumbing.setUpNetwork(networkA());
        Attachment attachment = attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24");

        assertThatThrownBy(() -> plumbing.attach(attachment))
                .isInstanceOf(KernelObjectNotFound.class)
                .hasMessage("attach eth0 to sandbox 5a5a5a5a5a5a: No such file or directory");

        plumbing.createSandbox(SANDBOX_1);
        Attachment toNowhere = attachment(networkB(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.2.2/24");
        assertThatThrownBy(() -> plumbing.attach(toNowhere))
                .isInstanceOf(KernelObjectNotFound.class)
                .hasMessageStartingWith("create veth vethe1e1e1e1e1e → br-b2b2b2b2b2b2: No such device");
        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1");
        assertThat(linkNames("5a5a5a5a5a5a")).containsExactly("lo");
    }

    @Test
    void aFailingAttachStepRemovesTheVethPairItCreated() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        Attachment offLink = new Attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "02:42:ac:1e:01:02",
                List.of(IpPrefix.parse("172.30.1.2/24")), ip("10.99.0.1"), null);

        assertThatThrownBy(() -> plumbing.attach(offLink))
                .isInstanceOf(KernelException.class)
                .hasMessage("add route default via 10.99.0.1 dev eth0 proto static: Network is unreachable (Nexthop has invalid gateway)");
        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1");
        assertThat(linkNames("5a5a5a5a5a5a")).containsExactly("lo");
    }

    @Test
    void anInterfaceNameTakenInTheSandboxIsRefused() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));

        assertThatThrownBy(() -> plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_2, "eth0",
                "172.30.1.3/24")))
                .isInstanceOf(KernelObjectExists.class)
                .hasMessageStartingWith("create veth vethe2e2e2e2e2e → br-a1a1a1a1a1a1: File exists");
        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1", "vethe1e1e1e1e1e");
    }

    @Test
    void endpointsWhoseIdsShareTheirFirstSevenCharactersGetTheirOwnVeths() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.createSandbox(SANDBOX_2);
        plumbing.attach(attachment(networkA(), SANDBOX_1, "abcdef0" + "1".repeat(57), "eth0", "172.30.1.2/24"));
        plumbing.attach(attachment(networkA(), SANDBOX_2, "abcdef0" + "2".repeat(57), "eth0", "172.30.1.3/24"));
        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1", "vethabcdef01111", "vethabcdef02222");
    }

    @Test
    void detachingRemovesBothEndsAndIsIdempotent() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        Attachment attachment = attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24");
        plumbing.attach(attachment);

        plumbing.detach(attachment);
        plumbing.detach(attachment);

        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1");
        assertThat(linkNames("5a5a5a5a5a5a")).containsExactly("lo");
        assertThat(namespace("5a5a5a5a5a5a").routes()).isEmpty();
    }

    @Test
    void aDetachedInterfaceNameIsFreeAtOnceForTheNextEndpoint() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));

        plumbing.detach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_2, "eth0", "172.30.1.3/24"));

        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1", "vethe2e2e2e2e2e");
        assertThat(linkNames("5a5a5a5a5a5a")).containsExactly("lo", "eth0");
        assertThat(namespace("5a5a5a5a5a5a").addresses()).contains("172.30.1.3/24 dev eth0")
                .doesNotContain("172.30.1.2/24 dev eth0");
    }

    @Test
    void aRemovedNetworksBridgeNameAndSandboxNameAreFreeAtOnce() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));
        plumbing.removeSandbox(SANDBOX_1);
        plumbing.tearDownNetwork(networkA());

        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));

        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1", "vethe1e1e1e1e1e");
        assertThat(namespace("host").addresses()).containsExactly("127.0.0.1/8 dev lo",
                "172.30.1.1/24 dev br-a1a1a1a1a1a1", "::1/128 dev lo");
        assertThat(namespace("5a5a5a5a5a5a").routes()).containsExactly("default via 172.30.1.1 dev eth0 proto static",
                "172.30.1.0/24 dev eth0 proto kernel scope link src 172.30.1.2");
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.NETWORK_A);
    }

    @Test
    void removingASandboxRemovesItsVethsAtOnce() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));

        plumbing.removeSandbox(SANDBOX_1);
        plumbing.removeSandbox(SANDBOX_1);

        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1");
        assertThat(kernel.namespaces()).isEmpty();
        assertThat(plumbing.view().namespaces()).extracting(NamespaceView::name).containsExactly("host");
    }

    @Test
    void publishingAddsDnatAndHairpinRulesAndUnpublishingRemovesExactlyThose() {
        plumbing.setUpNetwork(networkA());
        PortForward web = new PortForward(ENDPOINT_1, "br-a1a1a1a1a1a1", "tcp", ip("0.0.0.0"), 8080,
                ip("172.30.1.2"), 80);
        PortForward dns = new PortForward(ENDPOINT_2, "br-a1a1a1a1a1a1", "udp", ip("127.0.0.1"), 5353,
                ip("172.30.1.3"), 53);
        PortForward webV6Any = new PortForward(ENDPOINT_1, "br-a1a1a1a1a1a1", "tcp", ip("::"), 8080,
                ip("172.30.1.2"), 80);

        plumbing.publish(List.of(web, dns, webV6Any));
        plumbing.publish(List.of(web, dns, webV6Any));

        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.NETWORK_A_PUBLISHED);

        plumbing.unpublish(List.of(dns, webV6Any));
        plumbing.unpublish(List.of(web));
        plumbing.unpublish(List.of(web));
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.NETWORK_A);
    }

    @Test
    void hostBindingIpv4NarrowsAnyAddressForwards() {
        BridgeNetwork bound = new BridgeNetwork(NET_A, "br-a1a1a1a1a1a1", List.of(IpPrefix.parse("172.30.1.1/24")),
                1500, false, true, true, "127.0.0.1");
        plumbing.setUpNetwork(bound);

        plumbing.publish(List.of(new PortForward(ENDPOINT_1, "br-a1a1a1a1a1a1", "tcp", ip("0.0.0.0"), 8080,
                ip("172.30.1.2"), 80)));

        assertThat(plumbing.view().ruleset()).contains(
                "\t\tip daddr 127.0.0.1 tcp dport 8080 dnat ip to 172.30.1.2:80 comment \"netdock port "
                        + ENDPOINT_1 + " tcp 0.0.0.0 8080\"\n");
    }

    @Test
    void badRequestsAreRefusedBeforeTheKernelIsTouched() {
        BridgeNetwork longName = network(NET_A, "br-much-too-long-name", "172.30.1.1/24");
        assertThatThrownBy(() -> plumbing.setUpNetwork(longName))
                .isInstanceOf(KernelException.class)
                .hasMessage("set up network br-much-too-long-name: interface name 'br-much-too-long-name' must be"
                        + " 1-15 bytes without '/', ':' or spaces");
        PortForward badPort = new PortForward(ENDPOINT_1, "br-a1a1a1a1a1a1", "tcp", ip("0.0.0.0"), 0,
                ip("172.30.1.2"), 80);
        assertThatThrownBy(() -> plumbing.publish(List.of(badPort)))
                .hasMessage("publish tcp 0.0.0.0:0: ports must be 1-65535");
        assertThat(linkNames("host")).containsExactly("lo");
    }

    @Test
    void tearingDownANetworkLeavesNoBridgeVethOrRule() {
        plumbing.setUpNetwork(networkA());
        plumbing.setUpNetwork(networkB());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));

        plumbing.tearDownNetwork(networkA());
        plumbing.tearDownNetwork(networkA());

        assertThat(linkNames("host")).containsExactly("lo", "br-b2b2b2b2b2b2");
        assertThat(linkNames("5a5a5a5a5a5a")).containsExactly("lo");
        assertThat(namespace("host").addresses()).doesNotContain("172.30.1.1/24 dev br-a1a1a1a1a1a1");
        assertThat(plumbing.view().ruleset()).doesNotContain(NET_A).contains(NET_B);
    }

    @Test
    void reconcileRemovesWhatTheDatabaseDoesNotKnowAndRecreatesWhatIsMissing() {
        plumbing.setUpNetwork(networkA());
        plumbing.setUpNetwork(networkB());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.createSandbox(SANDBOX_2);
        Attachment kept = attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24");
        plumbing.attach(kept);
        plumbing.attach(attachment(networkB(), SANDBOX_2, ENDPOINT_2, "eth0", "172.30.2.2/24"));
        PortForward web = new PortForward(ENDPOINT_1, "br-a1a1a1a1a1a1", "tcp", ip("0.0.0.0"), 8080,
                ip("172.30.1.2"), 80);
        plumbing.publish(List.of(web, new PortForward(ENDPOINT_2, "br-b2b2b2b2b2b2", "tcp", ip("0.0.0.0"), 9090,
                ip("172.30.2.2"), 90)));
        kernel.host().deleteLink("vethe1e1e1e1e1e");
        kernel.close();

        kernel = openKernel();
        plumbing = new BridgeDriver(kernel);
        ReconcileReport report = plumbing.reconcile(new DesiredState(List.of(networkA()), List.of(SANDBOX_1),
                List.of(kept), List.of(web)));

        assertThat(report.failures()).isEmpty();
        assertThat(report.removed()).containsExactly("bridge br-b2b2b2b2b2b2", "veth vethe2e2e2e2e2e",
                "sandbox 6b6b6b6b6b6b");
        assertThat(report.created()).containsExactly("endpoint vethe1e1e1e1e1e → br-a1a1a1a1a1a1");
        assertThat(linkNames("host")).containsExactly("lo", "br-a1a1a1a1a1a1", "vethe1e1e1e1e1e");
        assertThat(kernel.namespaces()).containsExactly("5a5a5a5a5a5a");
        assertThat(namespace("5a5a5a5a5a5a").routes()).containsExactly("default via 172.30.1.1 dev eth0 proto static",
                "172.30.1.0/24 dev eth0 proto kernel scope link src 172.30.1.2");
        String ruleset = plumbing.view().ruleset();
        assertThat(ruleset).isEqualTo(Golden.NETWORK_A_WEB);

        assertThat(plumbing.reconcile(new DesiredState(List.of(networkA()), List.of(SANDBOX_1), List.of(kept),
                List.of(web)))).isEqualTo(new ReconcileReport(List.of(), List.of(), List.of()));
    }

    @Test
    void aCrashRightAfterCreatingABridgeOrAVethLeavesLinksThatReconcileRecognisesAsNetdocks() {
        plumbing.setUpNetwork(networkB());
        plumbing.createSandbox(SANDBOX_1);
        BridgeDriver dying = new BridgeDriver(CrashingKernel.afterCreatingALink(kernel));
        assertThatThrownBy(() -> dying.setUpNetwork(networkA())).isInstanceOf(ProcessKilled.class);
        assertThatThrownBy(() -> dying.attach(attachment(networkB(), SANDBOX_1, ENDPOINT_2, "eth0", "172.30.2.2/24")))
                .isInstanceOf(ProcessKilled.class);
        assertThat(kernel.host().link("br-a1a1a1a1a1a1").orElseThrow().alias()).isNull();
        assertThat(kernel.host().link("vethe2e2e2e2e2e").orElseThrow().alias()).isNull();
        kernel.close();

        kernel = openKernel();
        plumbing = new BridgeDriver(kernel);
        ReconcileReport report = plumbing.reconcile(new DesiredState(List.of(networkB()), List.of(SANDBOX_1),
                List.of(), List.of()));

        assertThat(report.failures()).isEmpty();
        assertThat(report.removed()).containsExactly("bridge br-a1a1a1a1a1a1", "veth vethe2e2e2e2e2e");
        assertThat(linkNames("host")).containsExactly("lo", "br-b2b2b2b2b2b2");
        assertThat(linkNames("5a5a5a5a5a5a")).containsExactly("lo");
    }

    @Test
    void aCrashRightAfterCreatingABridgeIsFinishedByReconcileWhenTheDatabaseKnowsTheNetwork() {
        BridgeDriver dying = new BridgeDriver(CrashingKernel.afterCreatingALink(kernel));
        assertThatThrownBy(() -> dying.setUpNetwork(networkA())).isInstanceOf(ProcessKilled.class);
        kernel.close();

        kernel = openKernel();
        plumbing = new BridgeDriver(kernel);
        ReconcileReport report = plumbing.reconcile(new DesiredState(List.of(networkA()), List.of(), List.of(),
                List.of()));

        assertThat(report.failures()).isEmpty();
        assertThat(report.removed()).isEmpty();
        Link bridge = kernel.host().link("br-a1a1a1a1a1a1").orElseThrow();
        assertThat(bridge.alias()).isEqualTo("netdock network " + NET_A);
        assertThat(bridge.up()).isTrue();
        assertThat(namespace("host").addresses()).contains("172.30.1.1/24 dev br-a1a1a1a1a1a1");
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.NETWORK_A);
    }

    @Test
    void reconcilingNothingLeavesAnEmptyTableAndNoNetdockObjects() {
        plumbing.setUpNetwork(networkA());
        plumbing.createSandbox(SANDBOX_1);
        plumbing.attach(attachment(networkA(), SANDBOX_1, ENDPOINT_1, "eth0", "172.30.1.2/24"));
        kernel.host().createLink(new NewLink.Bridge("br-foreign", 1500, null));

        plumbing.reconcile(DesiredState.empty());

        assertThat(linkNames("host")).containsExactly("lo", "br-foreign");
        assertThat(kernel.namespaces()).isEmpty();
        assertThat(plumbing.view().ruleset()).isEqualTo(Golden.EMPTY_TABLE);
    }

    @Test
    void aResolverListensOn127_0_0_11InsideItsSandboxAndTheSandboxSendsPort53There() throws Exception {
        plumbing.createSandbox(SANDBOX_1);
        try (DnsSockets sockets = plumbing.openResolver(SANDBOX_1)) {
            assertThat(((java.net.InetSocketAddress) sockets.udp().getLocalAddress()).getAddress())
                    .isEqualTo(ip("127.0.0.11"));
            assertThat(((java.net.InetSocketAddress) sockets.tcp().getLocalAddress()).getAddress())
                    .isEqualTo(ip("127.0.0.11"));
            assertThat(sockets.udpPort()).isPositive();
            assertThat(sockets.tcpPort()).isPositive();
            assertThat(namespace("5a5a5a5a5a5a").ruleset())
                    .isEqualTo(Golden.dockerDns(sockets.udpPort(), sockets.tcpPort()));
            assertThat(namespace("host").ruleset()).isEmpty();
            assertThat(plumbing.view().ruleset()).isEqualTo(Golden.EMPTY_TABLE);
        }
    }

    @Test
    void reopeningAResolverReplacesItsRulesAndClosingItRemovesThem() {
        plumbing.createSandbox(SANDBOX_1);
        DnsSockets first = plumbing.openResolver(SANDBOX_1);
        DnsSockets second = plumbing.openResolver(SANDBOX_1);
        first.close();
        assertThat(namespace("5a5a5a5a5a5a").ruleset())
                .isEqualTo(Golden.dockerDns(second.udpPort(), second.tcpPort()));

        plumbing.closeResolver(SANDBOX_1);
        second.close();
        assertThat(namespace("5a5a5a5a5a5a").ruleset()).isEmpty();
        plumbing.closeResolver(SANDBOX_1);
        plumbing.closeResolver(SANDBOX_2);
        assertThat(namespace("5a5a5a5a5a5a").ruleset()).isEmpty();
    }

    @Test
    void theHostListenerListensInTheHostNamespaceOnOnePortForUdpAndTcpWithoutRules() throws Exception {
        try (DnsSockets sockets = plumbing.openHostListener(new java.net.InetSocketAddress(ip("127.0.0.1"), 0))) {
            assertThat(sockets.sandboxId()).isEqualTo(DnsSockets.HOST);
            assertThat(sockets.udpPort()).isPositive().isEqualTo(sockets.tcpPort());
            assertThat(DnsSockets.localAddress(sockets.tcp()).getAddress()).isEqualTo(ip("127.0.0.1"));
            assertThat(namespace("host").ruleset()).isEmpty();
            assertThatThrownBy(() -> plumbing.openHostListener(
                    new java.net.InetSocketAddress(ip("127.0.0.1"), sockets.udpPort())))
                    .as("the port is taken").hasMessageContaining("Address already in use");
        }
    }

    @Test
    void aResolverNeedsItsSandbox() {
        assertThatThrownBy(() -> plumbing.openResolver(SANDBOX_2)).isInstanceOf(KernelObjectNotFound.class)
                .hasMessage("open resolver in sandbox 6b6b6b6b6b6b: No such file or directory");
    }

    @Test
    void removingASandboxTakesItsDnsRulesAlong() {
        plumbing.createSandbox(SANDBOX_1);
        plumbing.openResolver(SANDBOX_1).close();
        plumbing.removeSandbox(SANDBOX_1);
        plumbing.createSandbox(SANDBOX_1);
        assertThat(namespace("5a5a5a5a5a5a").ruleset()).isEmpty();
    }

    @Test
    void reconcileRemovesTheDnsRulesOfASandboxThatHasNoResolverAnyMore() {
        plumbing.createSandbox(SANDBOX_1);
        plumbing.createSandbox(SANDBOX_2);
        plumbing.openResolver(SANDBOX_1).close();
        DnsSockets kept = plumbing.openResolver(SANDBOX_2);
        String keptRules = Golden.dockerDns(kept.udpPort(), kept.tcpPort());
        kept.close();
        kernel.close();

        kernel = openKernel();
        plumbing = new BridgeDriver(kernel);
        DesiredState desired = new DesiredState(List.of(), List.of(SANDBOX_1, SANDBOX_2), List.of(), List.of(),
                List.of(SANDBOX_2));
        ReconcileReport report = plumbing.reconcile(desired);

        assertThat(report.failures()).isEmpty();
        assertThat(report.removed()).containsExactly("dns rules of sandbox 5a5a5a5a5a5a");
        assertThat(namespace("5a5a5a5a5a5a").ruleset()).isEmpty();
        // the resolver's owner re-opens it (new ports, the table replaced); until then the old rules stay
        assertThat(namespace("6b6b6b6b6b6b").ruleset()).isEqualTo(keptRules);
        assertThat(plumbing.reconcile(desired)).isEqualTo(new ReconcileReport(List.of(), List.of(), List.of()));
    }
}
