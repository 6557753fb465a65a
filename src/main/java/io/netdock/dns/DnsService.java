package io.netdock.dns;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The one entry every DNS listener calls (the sockets in each sandbox in linux mode, the host listener, the JSON
 * endpoint): parses a query, lets the {@link DnsResolver} answer it or forwards it, and returns the reply in wire
 * format, truncated for UDP like Docker's.
 *
 * <ul>
 *   <li>Not a query (QR set) or shorter than a header: dropped (the stage completes with an empty array, nothing
 *       is sent). An opcode other than QUERY: NOTIMP. Not exactly one question, or unparsable after the header:
 *       FORMERR.</li>
 *   <li>Forwarding: the upstreams in order, 4 s each; a timeout, an I/O error, SERVFAIL or REFUSED moves on to the
 *       next; any other reply (NXDOMAIN, NOERROR, …) is relayed as received. All failed, or none: SERVFAIL. More
 *       than 1 024 forwards in flight: REFUSED.</li>
 *   <li>UDP replies longer than 512 bytes, or than the query's EDNS size when larger, are truncated with TC set,
 *       keeping as many answers as fit (as Docker's).</li>
 * </ul>
 */
public final class DnsService {

    public static final int MAX_FORWARDS_IN_FLIGHT = 1024;
    public static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(4);
    private static final int MIN_UDP_SIZE = 512;
    private static final byte[] NOTHING = new byte[0];
    private static final int HEADER_LENGTH = 12;

    private final DnsResolver resolver;
    private final UpstreamExchange exchange;
    private final Duration upstreamTimeout;
    private final ForwardSlots slots;
    private final AnswerCache cache;

    public DnsService(DnsResolver resolver, UpstreamExchange exchange) {
        this(resolver, exchange, UPSTREAM_TIMEOUT);
    }

    public DnsService(DnsResolver resolver, UpstreamExchange exchange, Duration upstreamTimeout) {
        this(resolver, exchange, upstreamTimeout, upstreamTimeout);
    }

    /** @param slotWait how long a forward waits for one of the 1 024 slots (Docker: the upstream timeout, 4 s) */
    public DnsService(DnsResolver resolver, UpstreamExchange exchange, Duration upstreamTimeout, Duration slotWait) {
        this.resolver = resolver;
        this.exchange = exchange;
        this.upstreamTimeout = upstreamTimeout;
        this.slots = new ForwardSlots(MAX_FORWARDS_IN_FLIGHT, slotWait);
        this.cache = new AnswerCache(resolver.index());
    }

    /**
     * Answers one query in wire format (without TCP's length prefix).
     *
     * @return the reply in wire format, or an empty array when the query is dropped
     */
    public CompletionStage<byte[]> answer(Querier querier, byte[] wireQuery, Transport transport) {
        if (wireQuery.length < HEADER_LENGTH || (wireQuery[2] & 0x80) != 0) {
            return CompletableFuture.completedFuture(NOTHING);
        }
        byte[] cached = cache.reply(querier, wireQuery);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        Message query;
        try {
            query = new Message(wireQuery);
        } catch (IOException | RuntimeException malformed) {
            return CompletableFuture.completedFuture(headerOnlyReply(wireQuery, Rcode.FORMERR).toWire());
        }
        Message refused = refusal(query);
        if (refused != null) {
            return CompletableFuture.completedFuture(refused.toWire());
        }
        long version = cache.version();
        Resolution resolution = resolver.resolve(querier, query);
        if (resolution instanceof Resolution.Answered answered) {
            byte[] reply = wire(answered.reply(), query, transport);
            if (answered.local()) {
                cache.store(querier, wireQuery, reply, version, addressLength(query.getQuestion().getType()));
            }
            return CompletableFuture.completedFuture(reply);
        }
        return forward(querier, query, wireQuery, transport, ((Resolution.Forward) resolution).upstreams())
                .thenApply(reply -> reply.raw() != null ? reply.raw() : wire(reply.message(), query, transport));
    }

    /** Resolves a query as a container's (or the host's) resolver would, keeping what happened to show it. */
    public CompletionStage<DnsReply> ask(Querier querier, Message query, Transport transport) {
        Message refused = refusal(query);
        if (refused != null) {
            return CompletableFuture.completedFuture(new DnsReply(refused, false, false, Optional.empty()));
        }
        Resolution resolution = resolver.resolve(querier, query);
        if (resolution instanceof Resolution.Answered answered) {
            return CompletableFuture.completedFuture(
                    new DnsReply(answered.reply(), answered.local(), false, Optional.empty()));
        }
        return forward(querier, query, query.toWire(), transport, ((Resolution.Forward) resolution).upstreams())
                .thenApply(reply -> new DnsReply(reply.message(), false, true, reply.answeredBy()));
    }

    /** Forwards in flight now (for the benchmark and the limit's test). */
    public int forwardsInFlight() {
        return slots.taken();
    }

    /** Forwards waiting for a slot now. */
    public int forwardsWaiting() {
        return slots.waiting();
    }

    /** A reply the query gets without being resolved (wrong opcode, question count), or null. */
    private static Message refusal(Message query) {
        Header header = query.getHeader();
        if (header.getOpcode() != Opcode.QUERY) {
            return DnsResolver.reply(query, Rcode.NOTIMP);
        }
        if (header.getCount(Section.QUESTION) != 1) {
            return DnsResolver.reply(query, Rcode.FORMERR);
        }
        return null;
    }

    private CompletionStage<Forwarded> forward(Querier querier, Message query, byte[] wireQuery, Transport transport,
                                               List<Upstream> upstreams) {
        if (upstreams.isEmpty()) {
            return CompletableFuture.completedFuture(Forwarded.failed(DnsResolver.reply(query, Rcode.SERVFAIL)));
        }
        CompletableFuture<Forwarded> result = new CompletableFuture<>();
        tryUpstream(querier, query, wireQuery, transport, upstreams, 0, result);
        return result;
    }

    private void tryUpstream(Querier querier, Message query, byte[] wireQuery, Transport transport,
                             List<Upstream> upstreams, int next, CompletableFuture<Forwarded> result) {
        if (next >= upstreams.size()) {
            result.complete(Forwarded.failed(DnsResolver.reply(query, Rcode.SERVFAIL)));
            return;
        }
        slots.take().thenAccept(got -> {
            if (got) {
                exchangeWith(querier, query, wireQuery, transport, upstreams, next, result);
            } else {
                result.complete(Forwarded.failed(DnsResolver.reply(query, Rcode.REFUSED)));
            }
        });
    }

    /** One upstream's exchange, holding a slot until it is over. */
    private void exchangeWith(Querier querier, Message query, byte[] wireQuery, Transport transport,
                              List<Upstream> upstreams, int next, CompletableFuture<Forwarded> result) {
        Upstream upstream = upstreams.get(next);
        CompletableFuture<byte[]> sent;
        try {
            sent = exchange.exchange(upstream, wireQuery, transport, querier.containerId()).toCompletableFuture();
        } catch (RuntimeException refusedToSend) {
            sent = CompletableFuture.failedFuture(refusedToSend);
        }
        sent.orTimeout(upstreamTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((raw, failed) -> {
            slots.release();
            Message reply = failed == null ? usable(raw, query) : null;
            if (reply == null) {
                tryUpstream(querier, query, wireQuery, transport, upstreams, next + 1, result);
            } else {
                result.complete(new Forwarded(reply, raw, Optional.of(upstream)));
            }
        });
    }

    /** The upstream's reply when it is one to relay: parsable, same ID, and neither SERVFAIL nor REFUSED. */
    private static Message usable(byte[] raw, Message query) {
        if (raw == null) {
            return null;
        }
        try {
            Message reply = new Message(raw);
            Header header = reply.getHeader();
            if (header.getID() != query.getHeader().getID() || !header.getFlag(Flags.QR)) {
                return null;
            }
            int rcode = header.getRcode();
            return rcode == Rcode.SERVFAIL || rcode == Rcode.REFUSED ? null : reply;
        } catch (IOException | RuntimeException garbage) {
            return null;
        }
    }

    private static int addressLength(int type) {
        return type == Type.A ? 4 : type == Type.AAAA ? 16 : 0;
    }

    /** A reply in wire format; for UDP at most 512 bytes, or the query's EDNS size when larger, with TC set. */
    static byte[] wire(Message reply, Message query, Transport transport) {
        if (transport == Transport.TCP) {
            return reply.toWire();
        }
        int limit = MIN_UDP_SIZE;
        OPTRecord opt = query.getOPT();
        if (opt != null && opt.getPayloadSize() > limit) {
            limit = Math.min(opt.getPayloadSize(), 65535);
        }
        byte[] whole = reply.toWire();
        return whole.length <= limit ? whole : truncated(reply, limit);
    }

    /**
     * As Docker's resolver truncates: TC set and as many of the answers as fit (a client that ignores TC still
     * gets addresses), nothing in the other sections. The most answers that fit is found by halving, so a huge
     * reply costs a few encodings, not one per record.
     */
    private static byte[] truncated(Message reply, int limit) {
        List<Record> answers = reply.getSection(Section.ANSWER);
        int fits = 0;
        int tooMany = answers.size();
        byte[] best = withAnswers(reply, answers, 0);
        while (tooMany - fits > 1) {
            int middle = (fits + tooMany) >>> 1;
            byte[] tried = withAnswers(reply, answers, middle);
            if (tried.length <= limit) {
                fits = middle;
                best = tried;
            } else {
                tooMany = middle;
            }
        }
        return best;
    }

    private static byte[] withAnswers(Message reply, List<Record> answers, int count) {
        Message kept = reply.clone();
        kept.removeAllRecords(Section.ANSWER);
        kept.removeAllRecords(Section.AUTHORITY);
        kept.removeAllRecords(Section.ADDITIONAL);
        answers.subList(0, count).forEach(answer -> kept.addRecord(answer, Section.ANSWER));
        kept.getHeader().setFlag(Flags.TC);
        return kept.toWire();
    }

    /** A reply to a query whose header is readable and the rest is not: the header's ID and opcode, no question. */
    private static Message headerOnlyReply(byte[] wireQuery, int rcode) {
        int id = ((wireQuery[0] & 0xff) << 8) | (wireQuery[1] & 0xff);
        Message reply = new Message(id);
        Header header = reply.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode((wireQuery[2] >> 3) & 0x0f);
        if ((wireQuery[2] & 0x01) != 0) {
            header.setFlag(Flags.RD);
        }
        header.setFlag(Flags.RA);
        header.setRcode(rcode);
        return reply;
    }

    /** A forwarded query's outcome: the reply (as received when an upstream answered). */
    private record Forwarded(Message message, byte[] raw, Optional<Upstream> answeredBy) {

        static Forwarded failed(Message reply) {
            return new Forwarded(reply, null, Optional.empty());
        }
    }
}
