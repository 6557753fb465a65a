package io.netdock.dns;

import java.util.List;
import org.xbill.DNS.Message;

/** What the resolver core decided for one query: an answer, or the upstreams to forward it to, in order. */
public sealed interface Resolution {

    /**
     * @param reply the reply to send (not yet truncated for UDP)
     * @param local answered from netdock's names (records, or an empty NOERROR for a known name); false for
     *              error answers (NXDOMAIN, SERVFAIL) the resolver produced itself
     */
    record Answered(Message reply, boolean local) implements Resolution {
    }

    /**
     * @param upstreams at most 3, tried in order; empty = nobody to ask, the answer is SERVFAIL
     */
    record Forward(List<Upstream> upstreams) implements Resolution {

        public Forward {
            upstreams = List.copyOf(upstreams);
        }
    }
}
