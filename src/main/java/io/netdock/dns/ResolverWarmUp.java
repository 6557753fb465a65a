package io.netdock.dns;

import java.io.IOException;
import java.net.InetAddress;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Makes the first query after start as quick as the next ones: before the resolver loop serves anything, it loads
 * and initialises what answering needs (the DNS library's messages, names and records; the service's path) by
 * answering queries nobody sent — for a querier no container has, so nothing is resolved or forwarded. Without
 * it the first answer waited for class loading: 1.2 s on a loaded machine.
 */
final class ResolverWarmUp {

    private static final int ROUNDS = 200;

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
}
