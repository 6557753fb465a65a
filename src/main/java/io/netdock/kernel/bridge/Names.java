package io.netdock.kernel.bridge;

import io.netdock.kernel.PortForward;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkGroups;
import io.netdock.net.IpAddresses;

/**
 * How netdock names and marks what it creates. Links are netdock's by their group ({@link LinkGroups#OWNED}, set
 * when they are created); their alias and the comments of nftables rules say what they belong to, so reconcile
 * can tell netdock's objects from everybody else's and delete exactly the right ones.
 */
public final class Names {

    static final String NETWORK_MARK = "netdock network ";
    static final String ENDPOINT_MARK = "netdock endpoint ";
    static final String PORT_MARK = "netdock port ";
    static final String BASE_MARK = "netdock";

    private Names() {
    }

    /**
     * The host end of an endpoint's veth pair: {@code veth} + 11 characters of the endpoint ID, the most a 15-byte
     * interface name holds. (Docker's 7 random characters retry on a clash; a name derived from a random ID cannot,
     * and 7 characters, 28 bits, clash about once in 20 000 endpoints: 44 bits make it once in ~4 million.)
     */
    public static String veth(String endpointId) {
        return "veth" + endpointId.substring(0, Math.min(11, endpointId.length()));
    }

    /** A sandbox's namespace name, like Docker's SandboxKey file name: the first 12 characters of its ID. */
    static String sandbox(String sandboxId) {
        return sandboxId.substring(0, Math.min(12, sandboxId.length()));
    }

    /**
     * Whether a link is netdock's and, if it carries a mark, carries this one. A link of netdock's group without a
     * mark was created just before a crash; whoever finishes it sets the mark.
     */
    static boolean isMarked(Link link, String mark) {
        return link.alias() == null ? link.group() == LinkGroups.OWNED : link.alias().equals(mark);
    }

    static String network(String networkId) {
        return NETWORK_MARK + networkId;
    }

    static String endpoint(String endpointId) {
        return ENDPOINT_MARK + endpointId;
    }

    /** {@code netdock port <endpoint> <proto> <host ip> <host port>}: at most 128 characters, nft's limit. */
    static String port(PortForward forward) {
        return PORT_MARK + forward.endpointId() + " " + forward.protocol() + " " + IpAddresses.format(forward.hostIp())
                + " " + forward.hostPort();
    }

    /** A stable, locally administered MAC for a network's bridge, so it does not change as ports come and go. */
    static String bridgeMac(String networkId) {
        int hash = networkId.hashCode();
        return String.format("02:42:%02x:%02x:%02x:%02x", (hash >>> 24) & 0xff, (hash >>> 16) & 0xff,
                (hash >>> 8) & 0xff, hash & 0xff);
    }
}
