package io.netdock.dns;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A server a query is forwarded to, and the namespace it is reached from. */
public record Upstream(InetSocketAddress server, UpstreamNamespace namespace) {

    public Upstream {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(namespace, "namespace");
    }
}
