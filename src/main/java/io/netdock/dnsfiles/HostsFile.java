package io.netdock.dnsfiles;

import io.netdock.error.DockerError;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code /etc/hosts} like Docker: the loopback header, then extra hosts, then link entries, then one
 * line per own address ({@code <ip>\t<names>\n}). Host networking without extra hosts gets the host's file.
 */
public final class HostsFile {

    private static final List<String[]> HEADER_20_10 = List.of(
            new String[] {"127.0.0.1", "localhost"},
            new String[] {"::1", "localhost ip6-localhost ip6-loopback"},
            new String[] {"fe00::0", "ip6-localnet"},
            new String[] {"ff00::0", "ip6-mcastprefix"},
            new String[] {"ff02::1", "ip6-allnodes"},
            new String[] {"ff02::2", "ip6-allrouters"});
    private static final String[] LOCALHOST_V4 = {"127.0.0.1", "localhost"};
    private static final List<String[]> HEADER_V6 = List.of(
            new String[] {"::1", "localhost ip6-localhost ip6-loopback"},
            new String[] {"fe00::", "ip6-localnet"},
            new String[] {"ff00::", "ip6-mcastprefix"},
            new String[] {"ff02::1", "ip6-allnodes"},
            new String[] {"ff02::2", "ip6-allrouters"});

    private HostsFile() {
    }

    public static String render(Dialect dialect, HostsSpec spec) {
        if (spec.kind() == NetworkKind.HOST && spec.extraHosts().isEmpty() && spec.links().isEmpty()) {
            return spec.hostHostsFile() == null ? "" : spec.hostHostsFile();
        }
        List<String[]> records = new ArrayList<>();
        for (ExtraHost extra : spec.extraHosts()) {
            records.add(new String[] {extra.address(), extra.names()});
        }
        for (LinkedContainer link : spec.links()) {
            if (!link.ipv4().isEmpty()) {
                records.add(new String[] {link.ipv4(), link.names()});
            }
            if (!link.ipv6().isEmpty()) {
                records.add(new String[] {link.ipv6(), link.names()});
            }
        }
        if (spec.kind() != NetworkKind.HOST) {
            for (String address : spec.ownAddresses()) {
                records.add(new String[] {address, spec.ownNames()});
            }
        }
        return dialect == Dialect.DOCKER_20_10 ? classic(records) : current(records, spec.ipv6());
    }

    /** 20.10 writes the strings it was given and always the IPv6 header. */
    private static String classic(List<String[]> records) {
        StringBuilder out = new StringBuilder();
        HEADER_20_10.forEach(record -> line(out, record[0], record[1]));
        records.forEach(record -> line(out, record[0], record[1]));
        return out.toString();
    }

    /** Current Docker parses every address (netip) and leaves IPv6 out when the container has none. */
    private static String current(List<String[]> records, boolean ipv6) {
        StringBuilder out = new StringBuilder();
        line(out, LOCALHOST_V4[0], LOCALHOST_V4[1]);
        if (ipv6) {
            HEADER_V6.forEach(record -> line(out, record[0], record[1]));
        }
        for (String[] record : records) {
            IpLiteral address = IpLiteral.parse(record[0]).orElseThrow(() ->
                    DockerError.invalidParameter("invalid IP address in add-host: \"" + record[0] + "\""));
            if (ipv6 || !address.is6()) {
                line(out, address.toString(), record[1]);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String address, String names) {
        out.append(address).append('\t').append(names).append('\n');
    }
}
