package io.netdock.dns.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netdock.dns.DnsReply;
import io.netdock.dns.UpstreamNamespace;
import io.netdock.net.IpAddresses;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A resolver's reply in the API's PascalCase.
 *
 * @param local     answered from netdock's names
 * @param forwarded sent to the container's upstream servers
 * @param upstream  the server whose reply this is ({@code 10.0.0.2:53}), null when none answered
 */
record DnsDocument(@JsonProperty("Question") Question question,
                   @JsonProperty("Rcode") String rcode,
                   @JsonProperty("Truncated") boolean truncated,
                   @JsonProperty("Answers") List<Answer> answers,
                   @JsonProperty("Local") boolean local,
                   @JsonProperty("Forwarded") boolean forwarded,
                   @JsonProperty("Upstream") String upstream,
                   @JsonProperty("UpstreamNamespace") String upstreamNamespace) {

    static DnsDocument of(DnsReply reply) {
        Message message = reply.reply();
        Record question = message.getQuestion();
        List<Answer> answers = new ArrayList<>();
        for (Record record : message.getSection(Section.ANSWER)) {
            answers.add(new Answer(record.getName().toString(), Type.string(record.getType()), record.getTTL(),
                    record.rdataToString()));
        }
        return new DnsDocument(question == null ? null
                        : new Question(question.getName().toString(), Type.string(question.getType())),
                Rcode.string(message.getRcode()), message.getHeader().getFlag(Flags.TC), answers, reply.local(),
                reply.forwarded(),
                reply.answeredBy().map(u -> hostPort(u.server())).orElse(null),
                reply.answeredBy().map(u -> u.namespace() == UpstreamNamespace.HOST ? "host" : "container")
                        .orElse(null));
    }

    private static String hostPort(InetSocketAddress server) {
        String address = IpAddresses.format(server.getAddress());
        return (IpAddresses.isIpv6(server.getAddress()) ? "[" + address + "]" : address) + ":" + server.getPort();
    }

    record Question(@JsonProperty("Name") String name, @JsonProperty("Type") String type) {
    }

    record Answer(@JsonProperty("Name") String name, @JsonProperty("Type") String type,
                  @JsonProperty("TTL") long ttl, @JsonProperty("Data") String data) {
    }
}
