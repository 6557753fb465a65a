package io.netdock.kernel.spi;

/**
 * What {@link NetNamespace#setLink} changes; null fields stay as they are.
 *
 * @param up                     administrative state
 * @param mtu                    MTU
 * @param macAddress             hardware address
 * @param alias                  {@code ifalias}: netdock marks the links it owns with it
 * @param ipv6LinkLocal          false = {@code addrgenmode none}: no automatic IPv6 link-local address
 */
public record LinkChange(Boolean up, Integer mtu, String macAddress, String alias, Boolean ipv6LinkLocal) {

    public static final LinkChange UP = new LinkChange(true, null, null, null, null);
    public static final LinkChange DOWN = new LinkChange(false, null, null, null, null);

    /** Marks a link as netdock's, without automatic IPv6 addresses, and brings it up. */
    public static LinkChange ownedAndUp(String alias) {
        return new LinkChange(true, null, null, alias, false);
    }
}
