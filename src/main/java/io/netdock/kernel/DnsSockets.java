package io.netdock.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;

/**
 * A sandbox's embedded-DNS sockets, opened inside its namespace on {@code 127.0.0.11} (a socket stays in the
 * namespace it was opened in, whichever thread then uses it). The receiver owns them and closes them.
 *
 * @param sandboxId the sandbox they were opened in; {@link #HOST} for the host listener's (netdock's host namespace)
 * @param udp       bound, blocking mode as opened
 * @param tcp       bound and listening
 */
public record DnsSockets(String sandboxId, DatagramChannel udp, ServerSocketChannel tcp) implements AutoCloseable {

    /** The sandbox ID of the host listener's sockets, which are in netdock's host namespace. */
    public static final String HOST = "host";

    /** The resolver's address in every sandbox, as Docker's. */
    public static final String ADDRESS = "127.0.0.11";

    public int udpPort() {
        return port(udp);
    }

    public int tcpPort() {
        return port(tcp);
    }

    private static int port(java.nio.channels.NetworkChannel channel) {
        return localAddress(channel).getPort();
    }

    /** Where a bound socket listens. */
    public static InetSocketAddress localAddress(java.nio.channels.NetworkChannel channel) {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly(udp);
        closeQuietly(tcp);
    }

    /** Closes a socket; a failure to close leaves nothing to do. */
    public static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing to do about it
        }
    }
}
