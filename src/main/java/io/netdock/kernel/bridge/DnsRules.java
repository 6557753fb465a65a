package io.netdock.kernel.bridge;

import io.netdock.kernel.DnsSockets;
import io.netdock.kernel.spi.FirewallChain;
import io.netdock.kernel.spi.NamespaceTable;
import java.util.List;

/**
 * The table inside a sandbox that sends its DNS queries to the embedded resolver, as Docker's nftables variant
 * names it: {@code table ip docker-dns}. Queries to {@code 127.0.0.11:53} are DNAT-ed to the resolver's random
 * ports ({@code dns-dnat}, nat output); replies leaving those ports get source port 53 back ({@code dns-snat}, nat
 * postrouting). IPv4 only, as Docker's.
 */
final class DnsRules {

    static final String FAMILY = "ip";
    static final String TABLE = "docker-dns";

    private DnsRules() {
    }

    static NamespaceTable table(int udpPort, int tcpPort) {
        String resolver = DnsSockets.ADDRESS;
        return new NamespaceTable(FAMILY, TABLE, List.of(
                new NamespaceTable.Chain(FirewallChain.base("dns-dnat", "nat", "output", "-100"), List.of(
                        "ip daddr " + resolver + " udp dport 53 dnat to " + resolver + ":" + udpPort,
                        "ip daddr " + resolver + " tcp dport 53 dnat to " + resolver + ":" + tcpPort)),
                new NamespaceTable.Chain(FirewallChain.base("dns-snat", "nat", "postrouting", "srcnat"), List.of(
                        "ip saddr " + resolver + " udp sport " + udpPort + " snat to :53",
                        "ip saddr " + resolver + " tcp sport " + tcpPort + " snat to :53"))));
    }
}
