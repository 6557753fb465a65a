package io.netdock.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.spi.Address;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkChange;
import io.netdock.kernel.spi.LinkGroups;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import io.netdock.net.IpAddresses;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rtnetlink codec against golden bytes: requests as iproute2 would send them (annotated in the files), and
 * dump answers captured from a real kernel (the {@code dump-*.hex} files). x86-64/arm64 byte order.
 */
class RtnlCodecTest {

    @BeforeAll
    static void littleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little-endian");
    }

    private static String golden(String name) {
        return GoldenBytes.hex("rtnl/" + name);
    }

    private static ByteBuffer captured(String name) {
        return GoldenBytes.captured("rtnl/" + name);
    }

    private static String encoded(NetlinkMessage message) {
        return GoldenBytes.encoded(message);
    }

    @Test
    void createsABridgeInNetdocksGroupAndAsksForItBack() {
        assertThat(encoded(RtnlCodec.newBridge(new NewLink.Bridge("br-a1a1a1a1a1a1", 1500, "02:42:11:22:33:44",
                LinkGroups.OWNED)))).isEqualTo(golden("new-bridge"));
    }

    @Test
    void createsAVethWhosePeerIsBornInItsNamespaceAndWhoseHostEndIsInNetdocksGroup() {
        NewLink.Veth veth = new NewLink.Veth("vethe1e1e1e", 1500, "br-a1a1a1a1a1a1", "eth0", "02:42:ac:1e:01:02", null,
                LinkGroups.OWNED);
        assertThat(encoded(RtnlCodec.newVeth(veth, 7, 42))).isEqualTo(golden("new-veth"));
    }

    @Test
    void marksALinkAsNetdocksWithoutLinkLocalAndBringsItUp() {
        assertThat(encoded(RtnlCodec.setLink("vethe1e1e1e", LinkChange.ownedAndUp("netdock endpoint e1"))))
                .isEqualTo(golden("set-link-owned-up"));
    }

    @Test
    void turnsOnHairpinModeOnABridgePortAndRouteLocalnetOnABridge() {
        assertThat(encoded(RtnlCodec.setLink("vethe1e1e1e",
                LinkChange.ownedAndUp("netdock endpoint e1").withHairpin(true)))).isEqualTo(golden("set-link-port"));
        assertThat(encoded(RtnlCodec.setLink(7, LinkChange.ownedAndUp("netdock network a1").withRouteLocalnet(true))))
                .isEqualTo(golden("set-link-bridge"));
    }

    @Test
    void retiresALinkByIndexAndDeletesTheRetiredGroupInOneRequest() {
        assertThat(encoded(RtnlCodec.setLink(9, LinkChange.DOWN))
                + encoded(RtnlCodec.renameLink(9, "gone-00000000ff", LinkGroups.RETIRED))).isEqualTo(golden("retire"));
        assertThat(encoded(RtnlCodec.deleteGroup(LinkGroups.RETIRED))).isEqualTo(golden("delete-group"));
        assertThat(encoded(RtnlCodec.dumpPorts(7))).isEqualTo(golden("dump-ports"));
    }

    @Test
    void addsAddressesAndRoutesAndDeletesLinks() {
        assertThat(encoded(RtnlCodec.newAddress(9, IpPrefix.parse("172.30.1.2/24")))).isEqualTo(golden("new-address-v4"));
        assertThat(encoded(RtnlCodec.newAddress(9, IpPrefix.parse("fd00::2/64")))).isEqualTo(golden("new-address-v6"));
        assertThat(encoded(RtnlCodec.newRoute(Route.defaultVia(IpAddresses.parse("172.30.1.1"), "eth0"), 9)))
                .isEqualTo(golden("new-route-default"));
        assertThat(encoded(RtnlCodec.deleteLink("vethe1e1e1e"))).isEqualTo(golden("delete-link"));
    }

    @Test
    void decodesLinksAsTheKernelDumpsThem() {
        Map<Integer, String> hostNames = Map.of(1, "lo", 2, "br-cap", 3, "vethcap");
        Link hostEnd = RtnlCodec.link(captured("dump-link-veth-host-end")).resolve(hostNames);
        assertThat(hostEnd.name()).isEqualTo("vethcap");
        assertThat(hostEnd.kind()).isEqualTo("veth");
        assertThat(hostEnd.master()).isEqualTo("br-cap");
        assertThat(hostEnd.alias()).isEqualTo("netdock endpoint e1");
        assertThat(hostEnd.peerIndex()).isEqualTo(2);
        assertThat(hostEnd.up()).isFalse();

        Link lo = RtnlCodec.link(captured("dump-link-lo")).resolve(Map.of());
        assertThat(lo).isEqualTo(new Link(1, "lo", "loopback", 0, null, "00:00:00:00:00:00", 65536, false, null, 0,
                false));

        Link eth0 = RtnlCodec.link(captured("dump-link-veth-container-end")).resolve(Map.of());
        assertThat(eth0.name()).isEqualTo("eth0");
        assertThat(eth0.kind()).isEqualTo("veth");
        assertThat(eth0.peerIndex()).isEqualTo(3);
        assertThat(eth0.up()).isTrue();
        assertThat(eth0.mtu()).isEqualTo(1500);
    }

    @Test
    void decodesTheGroupAndHairpinModeOfABridgePort() {
        Link port = RtnlCodec.link(captured("dump-link-port")).resolve(Map.of(2, "br-cap"));
        assertThat(port.name()).isEqualTo("vethe1e1e1e");
        assertThat(port.master()).isEqualTo("br-cap");
        assertThat(port.group()).isEqualTo(LinkGroups.OWNED);
        assertThat(port.hairpin()).isTrue();
        assertThat(port.alias()).isEqualTo("netdock endpoint " + "e1".repeat(32));
        assertThat(port.up()).isTrue();
    }

    @Test
    void decodesAddressesAndMainTableRoutes() {
        Map<Integer, String> names = Map.of(1, "lo", 2, "eth0");
        assertThat(RtnlCodec.address(captured("dump-address"), names))
                .isEqualTo(new Address("eth0", IpPrefix.parse("172.30.9.2/24")));
        assertThat(RtnlCodec.route(captured("dump-route-default"), names))
                .hasToString("default via 172.30.9.1 dev eth0 proto static");
        assertThat(RtnlCodec.route(captured("dump-route-connected"), names))
                .hasToString("172.30.9.0/24 dev eth0 proto kernel scope link src 172.30.9.2");
        assertThat(RtnlCodec.route(captured("dump-route-local-table"), names)).isNull();
    }
}
