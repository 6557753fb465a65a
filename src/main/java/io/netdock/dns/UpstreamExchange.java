package io.netdock.dns;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Sends one query to one upstream server and completes with its raw reply. Implementations open their socket in
 * the right namespace: {@link UpstreamNamespace#HOST} in netdock's host namespace, {@link
 * UpstreamNamespace#CONTAINER} in the querying container's. {@link DnsService} applies the 4 s limit (the stage
 * may be completed exceptionally with a timeout by the caller) and checks the reply's ID.
 */
public interface UpstreamExchange {

    /**
     * @param query       the query in wire format, ID as the client sent it
     * @param transport   UDP or TCP (without the TCP length prefix: that is the exchange's business)
     * @param containerId the querying container; empty for the host listener
     */
    CompletionStage<byte[]> exchange(Upstream upstream, byte[] query, Transport transport, Optional<String> containerId);
}
