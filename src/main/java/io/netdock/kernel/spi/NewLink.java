package io.netdock.kernel.spi;

/** A link to create. */
public sealed interface NewLink permits NewLink.Bridge, NewLink.Veth {

    String name();

    /** {@code ip link add <name> mtu <mtu> address <mac> type bridge}. */
    record Bridge(String name, int mtu, String macAddress) implements NewLink {
    }

    /**
     * {@code ip link add <name> mtu <mtu> master <master> type veth peer name <peerName> address <peerMac>
     * netns <peerNamespace>}: the peer is created directly in its namespace, never visible in this one.
     */
    record Veth(String name, int mtu, String master, String peerName, String peerMacAddress,
                NetNamespace peerNamespace) implements NewLink {
    }
}
