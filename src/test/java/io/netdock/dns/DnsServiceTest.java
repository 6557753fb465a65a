package io.netdock.dns;

import static io.netdock.dns.DnsFixtures.container;
import static io.netdock.dns.DnsFixtures.endpoint;
import static io.netdock.dns.DnsFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.LoopbackDnsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The service every listener calls: wire parsing, truncation, and forwarding (moby's {@code TestDNSProxyServFail},
 * {@code TestProxyNXDOMAIN}, {@code TestOversizedDNSReply} as specifications), against DNS servers the test runs
 * on 127.0.0.1.
 */
class DnsServiceTest {

    private static final String CLIENT = "cccccccccccc3333333333333333333333333333333333333333333333333333";
    private static final Duration SHORT = Duration.ofMillis(300);

    private final NameIndex index = new NameIndex();
    private final DnsResolver resolver = new DnsResolver(index, DnsOptions.DOCKER);
    private final SocketUpstreamExchange sockets = new SocketUpstreamExchange((int) SHORT.toMillis());
    private final List<LoopbackDnsServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(LoopbackDnsServer::close);
        sockets.close();
    }

    private LoopbackDnsServer server(Function<Message, Message> answers) throws Exception {
        LoopbackDnsServer server = new LoopbackDnsServer(answers);
        servers.add(server);
        return server;
    }

    private static Function<Message, Message> rcode(int rcode) {
        return query -> DnsResolver.reply(query, rcode);
    }

    private static Function<Message, Message> address(String address) {
        return query -> {
            Message reply = DnsResolver.reply(query, Rcode.NOERROR);
            reply.addRecord(new ARecord(query.getQuestion().getName(), DClass.IN, 30,
                    DnsFixtures.address(address)), Section.ANSWER);
            return reply;
        };
    }

    private static Upstream upstream(LoopbackDnsServer server, UpstreamNamespace namespace) {
        return new Upstream(server.address(), namespace);
    }

    private void clientWith(Upstream... upstreams) {
        index.put(new DnsContainer(CLIENT, List.of(endpoint(CLIENT, "mynet", "172.18.0.4", null, List.of("client"))),
                List.of(upstreams), true, false));
    }

    /** 60 addresses for one name: 16 + 60 × 16 bytes, more than fits in 512. */
    private void sixtyContainersCalledMany() {
        for (int i = 1; i <= 60; i++) {
            String id = String.format("%064d", i);
            index.put(container(id, endpoint(id, "mynet", "172.18.1." + i, null, List.of("many"))));
        }
    }

    private DnsService service() {
        return new DnsService(resolver, sockets, SHORT);
    }

    private static Message answer(DnsService service, Message query, Transport transport) throws Exception {
        byte[] wire = service.answer(Querier.container(CLIENT), query.toWire(), transport).toCompletableFuture().get();
        return new Message(wire);
    }

    @Test
    void aLocalNameIsAnsweredOverUdpAndTcp() throws Exception {
        clientWith();
        index.put(container("web", endpoint("web", "mynet", "172.18.0.2", null, List.of("web"))));
        for (Transport transport : Transport.values()) {
            Message reply = answer(service(), query("web", Type.A), transport);
            assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("172.18.0.2");
        }
    }

    @Test
    void aUdpReplyOver512BytesIsTruncatedWithTcSetAndTcpGetsItWhole() throws Exception {
        clientWith();
        sixtyContainersCalledMany();
        Message udp = answer(service(), query("many", Type.A), Transport.UDP);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.toWire().length).isLessThanOrEqualTo(512);
        // as Docker's: as many answers as fit (12 + 10 bytes of header and question, 16 per compressed A record)
        assertThat(udp.getSection(Section.ANSWER)).hasSize(30);
        Message tcp = answer(service(), query("many", Type.A), Transport.TCP);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(60);
    }

    @Test
    void anEdnsSizeLargerThan512IsHonoured() throws Exception {
        clientWith();
        sixtyContainersCalledMany();
        Message query = query("many", Type.A);
        query.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
        Message reply = answer(service(), query, Transport.UDP);
        assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(reply.getSection(Section.ANSWER)).hasSize(60);
    }

    @Test
    void anUnknownNameIsForwardedAndTheReplyRelayedAsReceived() throws Exception {
        LoopbackDnsServer upstream = server(address("192.0.2.7"));
        clientWith(upstream(upstream, UpstreamNamespace.HOST));
        Message query = query("example.com", Type.A);
        for (Transport transport : Transport.values()) {
            Message reply = answer(service(), query, transport);
            assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
            assertThat(reply.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("192.0.2.7");
            assertThat(reply.getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(30);
        }
        assertThat(upstream.received()).hasSize(2);
    }

    @Test
    void otherRecordTypesOfLocalNamesAreForwardedToo() throws Exception {
        LoopbackDnsServer upstream = server(query -> {
            Message reply = DnsResolver.reply(query, Rcode.NOERROR);
            reply.addRecord(new TXTRecord(query.getQuestion().getName(), DClass.IN, 5, "hello"), Section.ANSWER);
            return reply;
        });
        clientWith(upstream(upstream, UpstreamNamespace.HOST));
        Message reply = answer(service(), query("client", Type.TXT), Transport.UDP);
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("\"hello\"");
    }

    @Test
    void servfailAndRefusedMoveOnToTheNextUpstream() throws Exception {
        LoopbackDnsServer failing = server(rcode(Rcode.SERVFAIL));
        LoopbackDnsServer refusing = server(rcode(Rcode.REFUSED));
        LoopbackDnsServer good = server(address("192.0.2.8"));
        clientWith(upstream(failing, UpstreamNamespace.HOST), upstream(refusing, UpstreamNamespace.HOST),
                upstream(good, UpstreamNamespace.HOST));
        Message reply = answer(service(), query("example.com", Type.A), Transport.UDP);
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("192.0.2.8");
        assertThat(failing.received()).hasSize(1);
        assertThat(refusing.received()).hasSize(1);
    }

    @Test
    void nxdomainIsRelayedAndTheNextUpstreamNotAsked() throws Exception {
        LoopbackDnsServer nx = server(rcode(Rcode.NXDOMAIN));
        LoopbackDnsServer good = server(address("192.0.2.8"));
        clientWith(upstream(nx, UpstreamNamespace.HOST), upstream(good, UpstreamNamespace.HOST));
        Message reply = answer(service(), query("nowhere.example", Type.A), Transport.UDP);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(good.received()).isEmpty();
    }

    @Test
    void aSilentUpstreamTimesOutAndTheNextAnswers() throws Exception {
        LoopbackDnsServer silent = server(query -> null);
        LoopbackDnsServer good = server(address("192.0.2.9"));
        clientWith(upstream(silent, UpstreamNamespace.HOST), upstream(good, UpstreamNamespace.HOST));
        Message reply = answer(service(), query("example.com", Type.A), Transport.UDP);
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("192.0.2.9");
        assertThat(silent.received()).hasSize(1);
    }

    @Test
    void aReplyWithAnotherIdIsNotTheAnswer() throws Exception {
        LoopbackDnsServer liar = server(query -> {
            Message reply = DnsResolver.reply(query, Rcode.NOERROR);
            reply.getHeader().setID((query.getHeader().getID() + 1) & 0xffff);
            return reply;
        });
        LoopbackDnsServer good = server(address("192.0.2.10"));
        clientWith(upstream(liar, UpstreamNamespace.HOST), upstream(good, UpstreamNamespace.HOST));
        Message reply = answer(service(), query("example.com", Type.A), Transport.TCP);
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("192.0.2.10");
    }

    @Test
    void allUpstreamsFailedOrNoneIsServfail() throws Exception {
        LoopbackDnsServer failing = server(rcode(Rcode.SERVFAIL));
        clientWith(upstream(failing, UpstreamNamespace.HOST));
        Message query = query("example.com", Type.A);
        Message reply = answer(service(), query, Transport.UDP);
        assertThat(reply.getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(reply.getQuestion()).isEqualTo(query.getQuestion());
        clientWith();
        assertThat(answer(service(), query, Transport.UDP).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    @Test
    void anUnreachableUpstreamIsSkipped() throws Exception {
        LoopbackDnsServer closed = server(address("192.0.2.1"));
        Upstream gone = upstream(closed, UpstreamNamespace.HOST);
        closed.close();
        LoopbackDnsServer good = server(address("192.0.2.11"));
        clientWith(gone, upstream(good, UpstreamNamespace.HOST));
        assertThat(answer(service(), query("example.com", Type.A), Transport.TCP).getSection(Section.ANSWER))
                .extracting(Record::rdataToString).containsExactly("192.0.2.11");
    }

    @Test
    void theExchangeIsToldTheNamespaceAndTheQuerier() throws Exception {
        List<String> calls = new ArrayList<>();
        UpstreamExchange recording = (upstream, query, transport, containerId) -> {
            calls.add(upstream.namespace() + " " + transport + " " + containerId.orElse("host"));
            return CompletableFuture.failedFuture(new IllegalStateException("unreachable"));
        };
        clientWith(DnsFixtures.hostUpstream("10.0.0.1"), DnsFixtures.containerUpstream("10.0.0.2"));
        DnsService service = new DnsService(resolver, recording, SHORT);
        Message reply = new Message(service.answer(Querier.container(CLIENT), query("example.com", Type.A).toWire(),
                Transport.UDP).toCompletableFuture().get());
        assertThat(reply.getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(calls).containsExactly("HOST UDP " + CLIENT, "CONTAINER UDP " + CLIENT);
    }

    @Test
    void aRepeatedQueryForASharedNameGetsEveryAddressInChangingOrderAndItsOwnId() throws Exception {
        clientWith();
        for (int i = 1; i <= 5; i++) {
            String id = String.format("%064d", i);
            index.put(container(id, endpoint(id, "mynet", "172.18.2." + i, null, List.of("pool"))));
        }
        DnsService service = service();
        java.util.Set<List<String>> orders = new java.util.HashSet<>();
        for (int i = 0; i < 60; i++) {
            Message query = query("pool", Type.A);
            Message reply = answer(service, query, i % 2 == 0 ? Transport.UDP : Transport.TCP);
            assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
            List<String> order = reply.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
            assertThat(order).containsExactlyInAnyOrder("172.18.2.1", "172.18.2.2", "172.18.2.3", "172.18.2.4",
                    "172.18.2.5");
            orders.add(order);
        }
        assertThat(orders).as("shuffled per answer, also when the answer is reused").hasSizeGreaterThan(10);
    }

    @Test
    void aChangeOfTheNamesIsSeenByTheVeryNextQuery() throws Exception {
        clientWith();
        DnsService service = service();
        index.put(container("web", endpoint("web", "mynet", "172.18.0.2", null, List.of("web"))));
        for (int i = 0; i < 3; i++) {
            assertThat(answer(service, query("web", Type.A), Transport.UDP).getSection(Section.ANSWER))
                    .extracting(Record::rdataToString).containsExactly("172.18.0.2");
        }
        index.put(container("web", endpoint("web", "mynet", "172.18.0.9", null, List.of("web", "www"))));
        assertThat(answer(service, query("web", Type.A), Transport.UDP).getSection(Section.ANSWER))
                .extracting(Record::rdataToString).containsExactly("172.18.0.9");
        index.remove("web");
        assertThat(answer(service, query("web", Type.A), Transport.UDP).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    /** An upstream that never answers: each exchange's future is kept in {@code pending} for the test to end. */
    private static UpstreamExchange neverAnswering(List<CompletableFuture<byte[]>> pending) {
        return (upstream, query, transport, containerId) -> {
            CompletableFuture<byte[]> future = new CompletableFuture<>();
            synchronized (pending) {
                pending.add(future);
            }
            return future;
        };
    }

    @Test
    void theQueryAfter1024ForwardsInFlightWaitsForAFreeSlot() throws Exception {
        List<CompletableFuture<byte[]>> pending = new ArrayList<>();
        UpstreamExchange never = neverAnswering(pending);
        clientWith(DnsFixtures.hostUpstream("10.0.0.1"));
        DnsService service = new DnsService(resolver, never, Duration.ofMinutes(5), Duration.ofMinutes(5));
        List<CompletionStage<byte[]>> inFlight = new ArrayList<>();
        for (int i = 0; i < DnsService.MAX_FORWARDS_IN_FLIGHT; i++) {
            inFlight.add(service.answer(Querier.container(CLIENT), query("example.com", Type.A).toWire(),
                    Transport.UDP));
        }
        assertThat(service.forwardsInFlight()).isEqualTo(1024);
        CompletableFuture<byte[]> waiting = service.answer(Querier.container(CLIENT),
                query("example.com", Type.A).toWire(), Transport.UDP).toCompletableFuture();
        assertThat(waiting).isNotDone();
        assertThat(service.forwardsWaiting()).isOne();
        assertThat(pending).hasSize(1024);

        pending.get(0).completeExceptionally(new IllegalStateException("gone"));
        assertThat(new Message(inFlight.get(0).toCompletableFuture().get()).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(pending).as("the waiting query took the freed slot and was sent").hasSize(1025);
        assertThat(service.forwardsWaiting()).isZero();
        assertThat(service.forwardsInFlight()).isEqualTo(1024);

        pending.forEach(future -> future.completeExceptionally(new IllegalStateException("gone")));
        assertThat(new Message(waiting.get()).getRcode()).isEqualTo(Rcode.SERVFAIL);
        for (CompletionStage<byte[]> stage : inFlight) {
            assertThat(new Message(stage.toCompletableFuture().get()).getRcode()).isEqualTo(Rcode.SERVFAIL);
        }
        assertThat(service.forwardsInFlight()).isZero();
    }

    @Test
    void aQueryThatFindsNoSlotWithinTheWaitIsRefused() throws Exception {
        List<CompletableFuture<byte[]>> pending = new ArrayList<>();
        UpstreamExchange never = neverAnswering(pending);
        clientWith(DnsFixtures.hostUpstream("10.0.0.1"));
        DnsService service = new DnsService(resolver, never, Duration.ofMinutes(5), Duration.ofSeconds(1));
        for (int i = 0; i < DnsService.MAX_FORWARDS_IN_FLIGHT; i++) {
            service.answer(Querier.container(CLIENT), query("example.com", Type.A).toWire(), Transport.UDP);
        }
        CompletableFuture<byte[]> late = service.answer(Querier.container(CLIENT),
                query("example.com", Type.A).toWire(), Transport.UDP).toCompletableFuture();
        assertThat(late).isNotDone();
        assertThat(new Message(late.get()).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(pending).as("never sent").hasSize(1024);
        assertThat(service.forwardsWaiting()).isZero();
        pending.forEach(future -> future.completeExceptionally(new IllegalStateException("gone")));
        assertThat(service.forwardsInFlight()).isZero();
    }

    @Test
    void malformedQueriesAreDroppedOrAnsweredFormerrAsDockerDoes() throws Exception {
        clientWith();
        DnsService service = service();
        Querier querier = Querier.container(CLIENT);
        assertThat(service.answer(querier, new byte[5], Transport.UDP).toCompletableFuture().get()).isEmpty();
        Message response = DnsResolver.reply(query("web", Type.A), Rcode.NOERROR);
        assertThat(service.answer(querier, response.toWire(), Transport.UDP).toCompletableFuture().get()).isEmpty();
        byte[] garbage = query("web", Type.A).toWire();
        garbage = Arrays.copyOf(garbage, 14);
        Message formerr = new Message(service.answer(querier, garbage, Transport.UDP).toCompletableFuture().get());
        assertThat(formerr.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(formerr.getHeader().getID()).isEqualTo(((garbage[0] & 0xff) << 8) | (garbage[1] & 0xff));
        Message two = query("web", Type.A);
        two.addRecord(Record.newRecord(Name.fromString("db."), Type.A, DClass.IN), Section.QUESTION);
        assertThat(new Message(service.answer(querier, two.toWire(), Transport.UDP).toCompletableFuture().get())
                .getRcode()).isEqualTo(Rcode.FORMERR);
        Message notify = query("web", Type.SOA);
        notify.getHeader().setOpcode(Opcode.UPDATE);
        assertThat(new Message(service.answer(querier, notify.toWire(), Transport.UDP).toCompletableFuture().get())
                .getRcode()).isEqualTo(Rcode.NOTIMP);
    }

    @Test
    void askTellsWhetherTheAnswerWasLocalOrForwardedAndByWhom() throws Exception {
        LoopbackDnsServer good = server(address("192.0.2.12"));
        clientWith(upstream(good, UpstreamNamespace.CONTAINER));
        DnsService service = service();
        DnsReply local = service.ask(Querier.container(CLIENT), query("client", Type.A), Transport.UDP)
                .toCompletableFuture().get();
        assertThat(local.local()).isTrue();
        assertThat(local.forwarded()).isFalse();
        DnsReply forwarded = service.ask(Querier.container(CLIENT), query("example.com", Type.A), Transport.UDP)
                .toCompletableFuture().get();
        assertThat(forwarded.forwarded()).isTrue();
        assertThat(forwarded.answeredBy()).contains(new Upstream(good.address(), UpstreamNamespace.CONTAINER));
        assertThat(forwarded.reply().getSection(Section.ANSWER)).extracting(Record::rdataToString)
                .containsExactly("192.0.2.12");
    }

    @Test
    void theSocketExchangeSpeaksUdpAndTcp() throws Exception {
        LoopbackDnsServer good = server(address("192.0.2.13"));
        Message query = query("example.com", Type.A);
        for (Transport transport : Transport.values()) {
            byte[] raw = sockets.exchange(new Upstream(good.address(), UpstreamNamespace.HOST), query.toWire(),
                    transport, Optional.empty()).toCompletableFuture().get();
            assertThat(new Message(raw).getSection(Section.ANSWER)).extracting(Record::rdataToString)
                    .containsExactly("192.0.2.13");
        }
    }
}
