package io.netdock.dns;

import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;

/** Builders for the resolver's unit tests: endpoints, containers, queries. */
final class DnsFixtures {

    private DnsFixtures() {
    }

    static DnsEndpoint endpoint(String containerId, String network, String ipv4, String ipv6, List<String> names) {
        return endpoint(containerId, network, ipv4, ipv6, names, Map.of());
    }

    static DnsEndpoint endpoint(String containerId, String network, String ipv4, String ipv6, List<String> names,
                                Map<String, String> links) {
        return new DnsEndpoint(containerId, "id-" + network, network, names, address(ipv4), address(ipv6), links);
    }

    static DnsContainer container(String id, DnsEndpoint... endpoints) {
        return new DnsContainer(id, List.of(endpoints), List.of(), true, false);
    }

    static Upstream hostUpstream(String address) {
        return new Upstream(new InetSocketAddress(address(address), 53), UpstreamNamespace.HOST);
    }

    static Upstream containerUpstream(String address) {
        return new Upstream(new InetSocketAddress(address(address), 53), UpstreamNamespace.CONTAINER);
    }

    static InetAddress address(String text) {
        return text == null ? null : IpAddresses.parseOrNull(text);
    }

    static Message query(String name, int type) {
        try {
            Message query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
            query.getHeader().setFlag(Flags.RD);
            return query;
        } catch (TextParseException bad) {
            throw new IllegalArgumentException(bad);
        }
    }
}
