package io.netdock.kernel.spi;

/**
 * What {@link NetNamespace#setLink} changes; null fields stay as they are. Start from {@link #NONE} and add what
 * should change: {@code LinkChange.NONE.withUp(true).withAlias("…")}.
 *
 * @param up             administrative state
 * @param mtu            MTU
 * @param macAddress     hardware address
 * @param alias          {@code ifalias}: what netdock's links belong to, for people reading {@code ip link}
 * @param ipv6LinkLocal  {@code addrgenmode}: true = {@code eui64} (an {@code fe80::} address from the MAC once the
 *                       link has carrier), false = {@code none}
 * @param hairpin        for a bridge port: frames may leave by the port they came in on
 * @param routeLocalnet  {@code net.ipv4.conf.<link>.route_localnet}: route traffic for 127/8 out of this link
 */
public record LinkChange(Boolean up, Integer mtu, String macAddress, String alias, Boolean ipv6LinkLocal,
                         Boolean hairpin, Boolean routeLocalnet) {

    public static final LinkChange NONE = new LinkChange(null, null, null, null, null, null, null);
    public static final LinkChange UP = NONE.withUp(true);
    public static final LinkChange DOWN = NONE.withUp(false);

    public LinkChange withUp(boolean value) {
        return new LinkChange(value, mtu, macAddress, alias, ipv6LinkLocal, hairpin, routeLocalnet);
    }

    public LinkChange withMtu(int value) {
        return new LinkChange(up, value, macAddress, alias, ipv6LinkLocal, hairpin, routeLocalnet);
    }

    public LinkChange withAlias(String value) {
        return new LinkChange(up, mtu, macAddress, value, ipv6LinkLocal, hairpin, routeLocalnet);
    }

    public LinkChange withIpv6LinkLocal(boolean value) {
        return new LinkChange(up, mtu, macAddress, alias, value, hairpin, routeLocalnet);
    }

    public LinkChange withHairpin(boolean value) {
        return new LinkChange(up, mtu, macAddress, alias, ipv6LinkLocal, value, routeLocalnet);
    }

    public LinkChange withRouteLocalnet(boolean value) {
        return new LinkChange(up, mtu, macAddress, alias, ipv6LinkLocal, hairpin, value);
    }

    /** Marks a link as netdock's for people reading {@code ip link}, without an IPv6 link-local address, and up. */
    public static LinkChange ownedAndUp(String alias) {
        return NONE.withAlias(alias).withIpv6LinkLocal(false).withUp(true);
    }
}
