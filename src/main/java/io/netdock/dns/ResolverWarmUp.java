package io.netdock.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Makes the first query after start as quick as the next ones: before the resolver loop serves anything, it loads
 * and initialises what answering needs (the DNS library's messages, names and records; the service's path) by
 * answering queries nobody sent — for a querier no container has, so nothing is resolved or forwarded. Without
 * it the first answer waited for class loading: 1.2 s on a loaded machine.
 */
final class ResolverWarmUp {

    static final int ROUNDS = 200;

    private ResolverWarmUp() {
    }

    static void run(DnsService service) {
        try {
            Querier nobody = Querier.container("netdock-warm-up");
            Name name = Name.fromString("warm-up.invalid.");
            for (int type : new int[] {Type.A, Type.AAAA, Type.PTR}) {
                byte[] query = Message.newQuery(Record.newRecord(name, type, DClass.IN)).toWire();
                for (int i = 0; i < ROUNDS; i++) {
                    service.answer(nobody, query, Transport.UDP).toCompletableFuture().join();
                }
            }
            answerLocally(name);
            Message reply = new Message();
            reply.addRecord(new ARecord(name, DClass.IN, 600, InetAddress.getByAddress(new byte[4])), Section.ANSWER);
            reply.addRecord(new AAAARecord(name, DClass.IN, 600, InetAddress.getByAddress(new byte[16])),
                    Section.ANSWER);
            reply.addRecord(new PTRRecord(name, DClass.IN, 600, name), Section.ANSWER);
            new Message(reply.toWire(512));
        } catch (IOException | RuntimeException notWarm) {
            // only slower: the first real query loads what is missing
        }
    }

    /**
     * The path of a local answer, the one a first real query takes: a private index with one dual-stack container
     * and a service of its own (the same classes and code, none of the real state), asked each local type twice
     * over — parsed, answered, encoded and cached, then served from the cache with its addresses shuffled.
     *
     * @return how many replies carried a local answer (A, AAAA and PTR do; MX is an empty NOERROR)
     */
    static int answerLocally(Name name) throws IOException {
        String id = "netdock-warm-up";
        DnsEndpoint endpoint = new DnsEndpoint(id, "netdock-warm-up-network", "warm", List.of(name.getLabelString(0)),
                InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}),
                InetAddress.getByAddress(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}),
                Map.of());
        NameIndex index = new NameIndex();
        index.put(new DnsContainer(id, List.of(endpoint), List.of(), false, false));
        DnsService local = new DnsService(new DnsResolver(index, DnsOptions.DOCKER), NO_UPSTREAM);
        Querier querier = Querier.container(id);
        Name asked = Name.fromString(name.getLabelString(0) + ".");
        Name reverse = ReverseMap.fromAddress(endpoint.ipv4());
        int answered = 0;
        for (Record question : List.of(Record.newRecord(asked, Type.A, DClass.IN),
                Record.newRecord(asked, Type.AAAA, DClass.IN), Record.newRecord(asked, Type.MX, DClass.IN),
                Record.newRecord(reverse, Type.PTR, DClass.IN))) {
            byte[] query = Message.newQuery(question).toWire();
            for (int i = 0; i < ROUNDS; i++) {
                for (Transport transport : Transport.values()) {
                    byte[] reply = local.answer(querier, query, transport).toCompletableFuture().join();
                    answered += new Message(reply).getSection(Section.ANSWER).isEmpty() ? 0 : 1;
                }
            }
        }
        return answered;
    }

    /** The local warm-up forwards nothing: its container has no upstream and no external access. */
    private static final UpstreamExchange NO_UPSTREAM = (upstream, query, transport, containerId) ->
            CompletableFuture.failedFuture(new IOException("the warm-up forwards nothing"));
}
