package io.netdock.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards from the JVM's own network namespace: every upstream in simulated mode (there is no other namespace),
 * and in linux mode when netdock's host namespace is the process's. Blocking sockets on a pool of daemon threads
 * (forwards are the rare case and {@link DnsService} bounds them); each socket gives up after the timeout. Where
 * the sockets come from is a {@link SocketSource}: linux mode opens them in the right namespace.
 */
public final class SocketUpstreamExchange implements UpstreamExchange, AutoCloseable {

    private static final int MAX_UDP_REPLY = 65535;

    private final int timeoutMillis;
    private final SocketSource sockets;
    private final ExecutorService threads;

    /**
     * Where a forward's socket is opened: in the namespace its {@link UpstreamNamespace} names. Sockets are
     * returned unconnected and unbound; the exchange closes them.
     */
    public interface SocketSource {

        /** The JVM's own namespace, for every upstream. */
        SocketSource JVM = new SocketSource() {
            @Override
            public DatagramSocket datagram(Upstream upstream, Optional<String> containerId) throws IOException {
                return new DatagramSocket();
            }

            @Override
            public Socket stream(Upstream upstream, Optional<String> containerId) {
                return new Socket();
            }
        };

        DatagramSocket datagram(Upstream upstream, Optional<String> containerId) throws IOException;

        Socket stream(Upstream upstream, Optional<String> containerId) throws IOException;
    }

    public SocketUpstreamExchange(int timeoutMillis) {
        this(timeoutMillis, SocketSource.JVM);
    }

    public SocketUpstreamExchange(int timeoutMillis, SocketSource sockets) {
        this.sockets = sockets;
        this.timeoutMillis = timeoutMillis;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "dns-forward-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletionStage<byte[]> exchange(Upstream upstream, byte[] query, Transport transport,
                                            Optional<String> containerId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return transport == Transport.TCP
                        ? overTcp(sockets.stream(upstream, containerId), upstream.server(), query)
                        : overUdp(sockets.datagram(upstream, containerId), upstream.server(), query);
            } catch (IOException failed) {
                throw new UpstreamFailed(upstream, failed);
            }
        }, threads);
    }

    private byte[] overUdp(DatagramSocket opened, InetSocketAddress server, byte[] query) throws IOException {
        try (DatagramSocket socket = opened) {
            socket.setSoTimeout(timeoutMillis);
            socket.connect(server);
            socket.send(new DatagramPacket(query, query.length));
            byte[] buffer = new byte[MAX_UDP_REPLY];
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                // A stray datagram with another ID is not the answer; keep listening until the deadline.
                if (packet.getLength() >= 2 && buffer[0] == query[0] && buffer[1] == query[1]) {
                    return Arrays.copyOf(buffer, packet.getLength());
                }
                int left = (int) ((deadline - System.nanoTime()) / 1_000_000L);
                if (left <= 0) {
                    throw new SocketTimeoutException("no reply from " + server);
                }
                socket.setSoTimeout(left);
            }
        }
    }

    private byte[] overTcp(Socket opened, InetSocketAddress server, byte[] query) throws IOException {
        try (Socket socket = opened) {
            socket.connect(server, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            return TcpFraming.exchange(socket, query);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** An upstream could not be reached or did not answer in time. */
    public static final class UpstreamFailed extends RuntimeException {

        UpstreamFailed(Upstream upstream, IOException cause) {
            super("DNS upstream " + upstream.server() + ": " + cause.getMessage(), cause);
        }
    }
}
