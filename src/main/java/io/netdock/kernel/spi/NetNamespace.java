package io.netdock.kernel.spi;

import io.netdock.kernel.IpPrefix;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;

/**
 * The rtnetlink verbs inside one network namespace. Links are named, as in {@code ip}; implementations resolve
 * names to ifindexes. Errors carry the errno the kernel gives ({@code EEXIST}, {@code ENODEV}, …).
 */
public interface NetNamespace {

    String name();

    /** Creates a bridge or a veth pair (the veth's peer directly in its target namespace), administratively down. */
    void createLink(NewLink link);

    /** Deletes a link and waits until the kernel has freed it; deleting one end of a veth pair deletes both. */
    void deleteLink(String name);

    /**
     * Deletes a link without making the caller wait for the kernel to free it: when this returns the link is down
     * and its name is free (a veth's peer goes with it), but the kernel may still be freeing it — Linux waits for
     * RCU grace periods when it unregisters an interface, 15–40 ms per request. {@link Kernel#settle} waits until
     * every retired link is gone. Fails like {@link #deleteLink} ({@code ENODEV}) if there is no such link.
     */
    void retireLink(String name);

    /** Changes what {@code change} sets and nothing else. */
    void setLink(String name, LinkChange change);

    default void setUp(String name) {
        setLink(name, LinkChange.UP);
    }

    void addAddress(String link, IpPrefix address);

    void deleteAddress(String link, IpPrefix address);

    void addRoute(Route route);

    void deleteRoute(Route route);

    /**
     * Sends the steps together (one netlink message batch): they apply in order, each one even if an earlier one
     * failed — as rtnetlink treats a batch — and each gets its own outcome, in step order.
     */
    List<Step.Outcome> apply(List<Step> steps);

    Optional<Link> link(String name);

    List<Link> links();

    /** The ports of a bridge ({@code ip link show master <bridge>}); empty if there is no such bridge. */
    List<Link> portsOf(String bridge);

    List<Address> addresses();

    /** Routes of the main table (the one {@code ip route} shows). */
    List<Route> routes();

    /** Writes {@code /proc/sys/<path>} as seen from this namespace, e.g. {@code net/ipv4/ip_forward}. */
    void setSysctl(String path, String value);

    String sysctl(String path);

    /**
     * A UDP socket opened inside this namespace and bound to {@code address} (port 0: the kernel picks a free one;
     * null: not bound). It stays in this namespace whichever thread uses it; the caller owns it.
     */
    DatagramChannel openDatagramChannel(InetSocketAddress address);

    /** A TCP socket opened inside this namespace, bound to {@code address} and listening; the caller owns it. */
    ServerSocketChannel openServerSocketChannel(InetSocketAddress address);

    /** An unconnected TCP socket opened inside this namespace, to reach a server from here; the caller owns it. */
    SocketChannel openSocketChannel();

    /** Replaces (or creates) a whole nftables table of this namespace, in one transaction. */
    void replaceTable(NamespaceTable table);

    /** Deletes an nftables table of this namespace if it exists. */
    void deleteTable(String family, String name);

    /** Every nftables table of this namespace as {@code nft list ruleset} prints it; empty if there is none. */
    String ruleset();
}
