package io.netdock.bench;

/** IPv4 CIDR arithmetic for choosing benchmark subnets that no existing network overlaps. */
final class Ipv4Range {

    private Ipv4Range() {
    }

    /** Whether {@code cidr} (IPv4 {@code a.b.c.d/len}; IPv6 never) overlaps {@code [first, last]}. */
    static boolean overlaps(String cidr, long first, long last) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || cidr.indexOf(':') >= 0) {
            return false;
        }
        String[] octets = cidr.substring(0, slash).split("\\.");
        long address = 0;
        for (String octet : octets) {
            address = (address << 8) | Integer.parseInt(octet);
        }
        int length = Integer.parseInt(cidr.substring(slash + 1));
        long size = 1L << (32 - length);
        long start = address & ~(size - 1) & 0xffffffffL;
        return start <= last && start + size - 1 >= first;
    }
}
