package io.netdock.network;

import io.netdock.ipam.Cidr;
import java.math.BigInteger;

/**
 * Addresses as database text whose order is address order: the family ("4" or "6") followed by the address as a
 * zero-padded decimal number (10 digits for IPv4, 39 for IPv6). Digits only, so every collation orders them alike.
 */
final class SubnetRangeKeys {

    private static final String IPV4 = "4";
    private static final String IPV6 = "6";

    private SubnetRangeKeys() {
    }

    static String first(Cidr subnet) {
        return key(subnet.isIpv6(), subnet.first());
    }

    static String last(Cidr subnet) {
        return key(subnet.isIpv6(), subnet.last());
    }

    /** Above every key of the family (and below the keys of the next one). */
    static String familyEnd(boolean ipv6) {
        return ipv6 ? "7" : "5";
    }

    private static String key(boolean ipv6, BigInteger address) {
        String digits = address.toString();
        int width = ipv6 ? 39 : 10;
        return (ipv6 ? IPV6 : IPV4) + "0".repeat(width - digits.length()) + digits;
    }
}
