package io.netdock.kernel.linux;

import static io.netdock.kernel.linux.Netlink.*;

import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.spi.Address;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkChange;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The rtnetlink messages behind each kernel verb, and the decoding of dump answers. Pure functions over bytes:
 * tested against golden hex without a kernel.
 */
final class RtnlCodec {

    private static final int CREATE = NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;

    private RtnlCodec() {
    }

    /**
     * {@code ip link add <name> mtu <mtu> address <mac> group <group> type bridge} (down), asking the kernel to
     * echo the new link back (so its ifindex is known without another request).
     */
    static NetlinkMessage newBridge(NewLink.Bridge bridge) {
        NetlinkMessage message = NetlinkMessage.request(RTM_NEWLINK, CREATE | NLM_F_ECHO)
                .ifinfomsg(AF_UNSPEC, 0, 0, 0).string(IFLA_IFNAME, bridge.name()).u32(IFLA_MTU, bridge.mtu());
        if (bridge.macAddress() != null) {
            message.attribute(IFLA_ADDRESS, mac(bridge.macAddress()));
        }
        if (bridge.group() != 0) {
            message.u32(IFLA_GROUP, bridge.group());
        }
        return message.begin(IFLA_LINKINFO).text(IFLA_INFO_KIND, "bridge").end();
    }

    /**
     * A retired bridge ({@code index}, down) made into the bridge {@code bridge} asks for, as {@code ip link set dev
     * <index> name <name> mtu <mtu> address <mac> group <group>} would: one request, no new interface.
     */
    static NetlinkMessage reviveBridge(int index, NewLink.Bridge bridge) {
        NetlinkMessage message = NetlinkMessage.request(RTM_NEWLINK, NLM_F_ACK).ifinfomsg(AF_UNSPEC, index, 0, 0)
                .string(IFLA_IFNAME, bridge.name()).u32(IFLA_MTU, bridge.mtu()).u32(IFLA_GROUP, bridge.group());
        if (bridge.macAddress() != null) {
            message.attribute(IFLA_ADDRESS, mac(bridge.macAddress()));
        }
        return message;
    }

    /**
     * {@code ip link add <name> mtu <mtu> master <bridge> group <group> numtxqueues 1 numrxqueues 1 type veth
     * peer name <peer> address <mac> mtu <mtu> numtxqueues 1 numrxqueues 1 netns <fd>}: both ends down; the peer
     * is born in its namespace. One queue each way (the kernel would make one per CPU): a veth only uses more with
     * XDP, and every queue costs sysfs entries while the request runs.
     */
    static NetlinkMessage newVeth(NewLink.Veth veth, int masterIndex, int peerNamespaceFd) {
        NetlinkMessage message = NetlinkMessage.request(RTM_NEWLINK, CREATE).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .string(IFLA_IFNAME, veth.name()).u32(IFLA_MTU, veth.mtu()).u32(IFLA_MASTER, masterIndex)
                .u32(IFLA_NUM_TX_QUEUES, 1).u32(IFLA_NUM_RX_QUEUES, 1);
        if (veth.group() != 0) {
            message.u32(IFLA_GROUP, veth.group());
        }
        message.begin(IFLA_LINKINFO).text(IFLA_INFO_KIND, "veth")
                .begin(IFLA_INFO_DATA).begin(VETH_INFO_PEER).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .string(IFLA_IFNAME, veth.peerName()).u32(IFLA_MTU, veth.mtu())
                .u32(IFLA_NUM_TX_QUEUES, 1).u32(IFLA_NUM_RX_QUEUES, 1);
        if (veth.peerMacAddress() != null) {
            message.attribute(IFLA_ADDRESS, mac(veth.peerMacAddress()));
        }
        return message.u32(IFLA_NET_NS_FD, peerNamespaceFd).end().end().end();
    }

    /**
     * {@code ip link set <name> [up|down] [mtu] [address] [alias] [addrgenmode] [type bridge_slave hairpin]}
     * and {@code sysctl net.ipv4.conf.<name>.route_localnet}, by name.
     */
    static NetlinkMessage setLink(String name, LinkChange change) {
        return setLink(0, name, change);
    }

    /** {@link #setLink(String, LinkChange)} by ifindex. */
    static NetlinkMessage setLink(int index, LinkChange change) {
        return setLink(index, null, change);
    }

    private static NetlinkMessage setLink(int index, String name, LinkChange change) {
        int flags = change.up() == null ? 0 : change.up() ? IFF_UP : 0;
        int mask = change.up() == null ? 0 : IFF_UP;
        NetlinkMessage message = NetlinkMessage.request(RTM_NEWLINK, NLM_F_ACK)
                .ifinfomsg(AF_UNSPEC, index, flags, mask);
        if (name != null) {
            message.string(IFLA_IFNAME, name);
        }
        if (change.mtu() != null) {
            message.u32(IFLA_MTU, change.mtu());
        }
        if (change.macAddress() != null) {
            message.attribute(IFLA_ADDRESS, mac(change.macAddress()));
        }
        if (change.alias() != null) {
            message.text(IFLA_IFALIAS, change.alias());
        }
        if (change.hairpin() != null) {
            message.begin(IFLA_LINKINFO).begin(IFLA_INFO_SLAVE_DATA)
                    .u8(IFLA_BRPORT_MODE, change.hairpin() ? 1 : 0).end().end();
        }
        if (change.routeLocalnet() != null || change.ipv6LinkLocal() != null) {
            message.begin(IFLA_AF_SPEC);
            if (change.routeLocalnet() != null) {
                message.begin(AF_INET).begin(IFLA_INET_CONF)
                        .u32(IPV4_DEVCONF_ROUTE_LOCALNET, change.routeLocalnet() ? 1 : 0).end().end();
            }
            if (change.ipv6LinkLocal() != null) {
                message.begin(AF_INET6).u8(IFLA_INET6_ADDR_GEN_MODE,
                        change.ipv6LinkLocal() ? IN6_ADDR_GEN_MODE_EUI64 : IN6_ADDR_GEN_MODE_NONE).end();
            }
            message.end();
        }
        return message;
    }

    /** {@code ip link set dev <index> name <name> group <group>}: renaming needs the link down. */
    static NetlinkMessage renameLink(int index, String name, int group) {
        return NetlinkMessage.request(RTM_NEWLINK, NLM_F_ACK).ifinfomsg(AF_UNSPEC, index, 0, 0)
                .string(IFLA_IFNAME, name).u32(IFLA_GROUP, group);
    }

    /** {@code ip link set dev <index> group <group>}. */
    static NetlinkMessage setGroup(int index, int group) {
        return NetlinkMessage.request(RTM_NEWLINK, NLM_F_ACK).ifinfomsg(AF_UNSPEC, index, 0, 0)
                .u32(IFLA_GROUP, group);
    }

    /** {@code ip link delete group <group>}: every link of the group, in one unregistration. */
    static NetlinkMessage deleteGroup(int group) {
        return NetlinkMessage.request(RTM_DELLINK, NLM_F_ACK).ifinfomsg(AF_UNSPEC, 0, 0, 0).u32(IFLA_GROUP, group);
    }

    static NetlinkMessage deleteLink(String name) {
        return NetlinkMessage.request(RTM_DELLINK, NLM_F_ACK).ifinfomsg(AF_UNSPEC, 0, 0, 0).string(IFLA_IFNAME, name);
    }

    static NetlinkMessage getLink(String name) {
        return NetlinkMessage.request(RTM_GETLINK, NLM_F_ACK).ifinfomsg(AF_UNSPEC, 0, 0, 0).string(IFLA_IFNAME, name);
    }

    static NetlinkMessage getLink(int index) {
        return NetlinkMessage.request(RTM_GETLINK, NLM_F_ACK).ifinfomsg(AF_UNSPEC, index, 0, 0);
    }

    static NetlinkMessage dumpLinks() {
        return NetlinkMessage.request(RTM_GETLINK, NLM_F_DUMP).ifinfomsg(AF_UNSPEC, 0, 0, 0);
    }

    /** {@code ip link show master <index>}: the kernel filters the dump. */
    static NetlinkMessage dumpPorts(int masterIndex) {
        return NetlinkMessage.request(RTM_GETLINK, NLM_F_DUMP).ifinfomsg(AF_UNSPEC, 0, 0, 0)
                .u32(IFLA_MASTER, masterIndex);
    }

    /** {@code ip addr add <address> dev <index>}; IPv6 without duplicate address detection, like Docker. */
    static NetlinkMessage newAddress(int index, IpPrefix address) {
        return address(RTM_NEWADDR, CREATE, index, address);
    }

    static NetlinkMessage deleteAddress(int index, IpPrefix address) {
        return address(RTM_DELADDR, NLM_F_ACK, index, address);
    }

    private static NetlinkMessage address(int type, int flags, int index, IpPrefix address) {
        byte[] bytes = address.address().getAddress();
        return NetlinkMessage.request(type, flags)
                .ifaddrmsg(family(address.isIpv6()), address.prefixLength(), address.isIpv6() ? IFA_F_NODAD : 0,
                        RT_SCOPE_UNIVERSE, index)
                .attribute(IFA_LOCAL, bytes).attribute(IFA_ADDRESS, bytes);
    }

    static NetlinkMessage dumpAddresses() {
        return NetlinkMessage.request(RTM_GETADDR, NLM_F_DUMP).ifaddrmsg(AF_UNSPEC, 0, 0, 0, 0);
    }

    /** {@code ip route add <destination> [via <gateway>] dev <index> proto <protocol> [src] [metric]}. */
    static NetlinkMessage newRoute(Route route, int deviceIndex) {
        return route(RTM_NEWROUTE, CREATE, route, deviceIndex, protocol(route.protocol()), scope(route));
    }

    /** {@code ip route del …}: scope "nowhere" and protocol "unspec" match whatever the route has. */
    static NetlinkMessage deleteRoute(Route route, int deviceIndex) {
        return route(RTM_DELROUTE, NLM_F_ACK, route, deviceIndex, RTPROT_UNSPEC, RT_SCOPE_NOWHERE);
    }

    private static NetlinkMessage route(int type, int flags, Route route, int deviceIndex, int protocol, int scope) {
        IpPrefix destination = route.destination();
        NetlinkMessage message = NetlinkMessage.request(type, flags).rtmsg(family(route.isIpv6()),
                destination.prefixLength(), RT_TABLE_MAIN, protocol, scope, RTN_UNICAST);
        if (destination.prefixLength() > 0) {
            message.attribute(RTA_DST, destination.address().getAddress());
        }
        if (route.gateway() != null) {
            message.attribute(RTA_GATEWAY, route.gateway().getAddress());
        }
        message.u32(RTA_OIF, deviceIndex);
        if (route.source() != null) {
            message.attribute(RTA_PREFSRC, route.source().getAddress());
        }
        if (route.metric() != 0) {
            message.u32(RTA_PRIORITY, route.metric());
        }
        return message;
    }

    static NetlinkMessage dumpRoutes() {
        return NetlinkMessage.request(RTM_GETROUTE, NLM_F_DUMP).rtmsg(AF_UNSPEC, 0, 0, 0, 0, 0);
    }

    /** One {@code RTM_NEWLINK} answer; {@code master} still an index (see {@link #resolveMasters}). */
    static RawLink link(ByteBuffer message) {
        int type = Short.toUnsignedInt(message.getShort(NLMSG_HDRLEN + 2));
        int index = message.getInt(NLMSG_HDRLEN + 4);
        int flags = message.getInt(NLMSG_HDRLEN + 8);
        Attributes attributes = new Attributes(message.duplicate().position(NLMSG_HDRLEN + 16));
        Attributes linkInfo = attributes.nested(IFLA_LINKINFO);
        String kind = linkInfo.string(IFLA_INFO_KIND);
        if (kind == null) {
            kind = type == ARPHRD_LOOPBACK ? "loopback" : "device";
        }
        int peer = kind.equals("veth") ? attributes.u32(IFLA_LINK, 0) : 0;
        boolean hairpin = "bridge".equals(linkInfo.string(IFLA_INFO_SLAVE_KIND))
                && linkInfo.nested(IFLA_INFO_SLAVE_DATA).u8(IFLA_BRPORT_MODE, 0) == 1;
        return new RawLink(index, attributes.string(IFLA_IFNAME), kind, peer, attributes.u32(IFLA_MASTER, 0),
                macText(attributes.bytes(IFLA_ADDRESS)), attributes.u32(IFLA_MTU, 0), (flags & IFF_UP) != 0,
                attributes.string(IFLA_IFALIAS), attributes.u32(IFLA_GROUP, 0), hairpin);
    }

    /** A link as rtnetlink reports it: the master is an ifindex. */
    record RawLink(int index, String name, String kind, int peerIndex, int masterIndex, String macAddress, int mtu,
                   boolean up, String alias, int group, boolean hairpin) {

        Link resolve(Map<Integer, String> names) {
            return new Link(index, name, kind, peerIndex, masterIndex == 0 ? null : names.get(masterIndex),
                    macAddress, mtu, up, alias == null || alias.isEmpty() ? null : alias, group, hairpin);
        }
    }

    static Map<Integer, String> names(Iterable<RawLink> links) {
        Map<Integer, String> names = new HashMap<>();
        links.forEach(link -> names.put(link.index(), link.name()));
        return names;
    }

    /** One {@code RTM_NEWADDR} answer. */
    /** The ifindex an {@code RTM_NEWADDR} answer is about. */
    static int addressIndex(ByteBuffer message) {
        return message.getInt(NLMSG_HDRLEN + 4);
    }

    static Address address(ByteBuffer message, Map<Integer, String> names) {
        int prefixLength = Byte.toUnsignedInt(message.get(NLMSG_HDRLEN + 1));
        int index = message.getInt(NLMSG_HDRLEN + 4);
        Attributes attributes = new Attributes(message.duplicate().position(NLMSG_HDRLEN + 8));
        InetAddress local = attributes.has(IFA_LOCAL) ? attributes.address(IFA_LOCAL) : attributes.address(IFA_ADDRESS);
        return new Address(names.getOrDefault(index, "if" + index), new IpPrefix(local, prefixLength));
    }

    /** One {@code RTM_NEWROUTE} answer, or null if it is not a unicast route of the main table. */
    static Route route(ByteBuffer message, Map<Integer, String> names) {
        int family = Byte.toUnsignedInt(message.get(NLMSG_HDRLEN));
        int destinationLength = Byte.toUnsignedInt(message.get(NLMSG_HDRLEN + 1));
        int protocol = Byte.toUnsignedInt(message.get(NLMSG_HDRLEN + 5));
        int scope = Byte.toUnsignedInt(message.get(NLMSG_HDRLEN + 6));
        int type = Byte.toUnsignedInt(message.get(NLMSG_HDRLEN + 7));
        Attributes attributes = new Attributes(message.duplicate().position(NLMSG_HDRLEN + 12));
        int table = attributes.u32(RTA_TABLE, Byte.toUnsignedInt(message.get(NLMSG_HDRLEN + 4)));
        if (table != RT_TABLE_MAIN || type != RTN_UNICAST) {
            return null;
        }
        InetAddress destination = attributes.has(RTA_DST) ? attributes.address(RTA_DST)
                : anyAddress(family == AF_INET6);
        int device = attributes.u32(RTA_OIF, 0);
        return new Route(new IpPrefix(destination, destinationLength), attributes.address(RTA_GATEWAY),
                names.getOrDefault(device, "if" + device), protocolName(protocol), scopeName(scope),
                attributes.address(RTA_PREFSRC), attributes.u32(RTA_PRIORITY, 0));
    }

    static int protocol(String name) {
        return switch (name) {
            case "kernel" -> RTPROT_KERNEL;
            case "boot" -> RTPROT_BOOT;
            case "static" -> RTPROT_STATIC;
            default -> Integer.parseInt(name);
        };
    }

    static String protocolName(int protocol) {
        return switch (protocol) {
            case RTPROT_KERNEL -> "kernel";
            case RTPROT_BOOT -> "boot";
            case RTPROT_STATIC -> "static";
            default -> Integer.toString(protocol);
        };
    }

    private static int scope(Route route) {
        return switch (route.scope()) {
            case "link" -> RT_SCOPE_LINK;
            case "host" -> RT_SCOPE_HOST;
            case "site" -> RT_SCOPE_SITE;
            default -> RT_SCOPE_UNIVERSE;
        };
    }

    static String scopeName(int scope) {
        return switch (scope) {
            case RT_SCOPE_UNIVERSE -> "global";
            case RT_SCOPE_SITE -> "site";
            case RT_SCOPE_LINK -> "link";
            case RT_SCOPE_HOST -> "host";
            case RT_SCOPE_NOWHERE -> "nowhere";
            default -> Integer.toString(scope);
        };
    }

    private static int family(boolean ipv6) {
        return ipv6 ? AF_INET6 : AF_INET;
    }

    private static InetAddress anyAddress(boolean ipv6) {
        try {
            return InetAddress.getByAddress(new byte[ipv6 ? 16 : 4]);
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static byte[] mac(String text) {
        String[] parts = text.split(":");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    static String macText(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }
}
