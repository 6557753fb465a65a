package io.netdock.dns.sandbox;

import io.netdock.dns.SocketUpstreamExchange;
import io.netdock.dns.Upstream;
import io.netdock.dns.UpstreamNamespace;
import io.netdock.kernel.Plumbing;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.function.Function;

/**
 * linux mode: a forward's socket opened where Docker sends it from — the host's nameservers from netdock's host
 * namespace ({@code netdock.kernel.host-netns}), {@code --dns} servers from the querying container's sandbox.
 */
final class NamespaceSockets implements SocketUpstreamExchange.SocketSource {

    private final Plumbing plumbing;
    private final Function<String, Optional<String>> sandboxOf;

    /** @param sandboxOf the sandbox of a container's resolver */
    NamespaceSockets(Plumbing plumbing, Function<String, Optional<String>> sandboxOf) {
        this.plumbing = plumbing;
        this.sandboxOf = sandboxOf;
    }

    @Override
    public DatagramSocket datagram(Upstream upstream, Optional<String> containerId) throws IOException {
        return plumbing.openDatagramChannel(namespace(upstream, containerId)).socket();
    }

    @Override
    public Socket stream(Upstream upstream, Optional<String> containerId) throws IOException {
        return plumbing.openSocketChannel(namespace(upstream, containerId)).socket();
    }

    /** Empty for the host namespace. */
    private Optional<String> namespace(Upstream upstream, Optional<String> containerId) throws IOException {
        if (upstream.namespace() == UpstreamNamespace.HOST || containerId.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> sandbox = sandboxOf.apply(containerId.get());
        if (sandbox.isEmpty()) {
            throw new IOException("container " + containerId.get() + " has no running resolver to forward from");
        }
        return sandbox;
    }
}
