package io.netdock.kernel.spi;

/** A link to create; {@code group} goes into the creating request itself ({@link LinkGroups}). */
public sealed interface NewLink permits NewLink.Bridge, NewLink.Veth {

    String name();

    int group();

    /** {@code ip link add <name> mtu <mtu> address <mac> group <group> type bridge} (down). */
    record Bridge(String name, int mtu, String macAddress, int group) implements NewLink {

        /** A bridge in the default group 0. */
        public Bridge(String name, int mtu, String macAddress) {
            this(name, mtu, macAddress, 0);
        }
    }

    /**
     * {@code ip link add <name> mtu <mtu> master <master> group <group> type veth peer name <peerName>
     * address <peerMac> netns <peerNamespace>} (both ends down): the peer is created directly in its namespace,
     * never visible in this one; only this end is put in {@code group}.
     */
    record Veth(String name, int mtu, String master, String peerName, String peerMacAddress,
                NetNamespace peerNamespace, int group) implements NewLink {

        /** A veth pair in the default group 0. */
        public Veth(String name, int mtu, String master, String peerName, String peerMacAddress,
                    NetNamespace peerNamespace) {
            this(name, mtu, master, peerName, peerMacAddress, peerNamespace, 0);
        }
    }
}
