package io.netdock.dns;

import java.util.Optional;
import org.xbill.DNS.Message;

/**
 * What a query finally got, for whoever wants to show it (the JSON endpoint) rather than send it.
 *
 * @param reply      the reply (as the upstream sent it when forwarded), before any UDP truncation
 * @param local      answered from netdock's names
 * @param forwarded  the query was sent to upstreams (whether one answered or not)
 * @param answeredBy the upstream whose reply this is; empty when no upstream answered
 */
public record DnsReply(Message reply, boolean local, boolean forwarded, Optional<Upstream> answeredBy) {
}
