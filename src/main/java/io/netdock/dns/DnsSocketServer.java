package io.netdock.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server on one address, UDP and TCP (same port), answering for one {@link Querier} through the
 * {@link DnsService}: the host listener. One thread reads UDP and replies when each answer is ready; TCP
 * connections get a thread each and may send several length-prefixed queries, one at a time.
 */
final class DnsSocketServer implements AutoCloseable {

    private static final int MAX_UDP_QUERY = 65535;
    private static final int TCP_IDLE_MILLIS = 10_000;

    private final DnsService service;
    private final Querier querier;
    private final DatagramChannel udp;
    private final ServerSocket tcp;
    private final ExecutorService threads;

    /** Binds both sockets (the TCP port is the UDP one, also when the given port is 0) and starts serving. */
    DnsSocketServer(DnsService service, Querier querier, InetSocketAddress address) throws IOException {
        this.service = service;
        this.querier = querier;
        boolean v6 = address.getAddress().getAddress().length == 16;
        this.udp = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            udp.bind(address);
            InetSocketAddress bound = (InetSocketAddress) udp.getLocalAddress();
            this.tcp = new ServerSocket();
            tcp.setReuseAddress(true);
            tcp.bind(bound);
        } catch (IOException | RuntimeException taken) {
            udp.close();
            throw taken;
        }
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "dns-" + bound().getPort() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::serveUdp);
        threads.execute(this::acceptTcp);
    }

    InetSocketAddress bound() {
        try {
            return (InetSocketAddress) udp.getLocalAddress();
        } catch (IOException closed) {
            throw new IllegalStateException(closed);
        }
    }

    private void serveUdp() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_UDP_QUERY);
        while (udp.isOpen()) {
            try {
                buffer.clear();
                SocketAddress client = udp.receive(buffer);
                byte[] query = Arrays.copyOf(buffer.array(), buffer.position());
                service.answer(querier, query, Transport.UDP).thenAccept(reply -> send(reply, client));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException oneBadPacket) {
                // a datagram that could not be read or answered is lost, as over any UDP path
            }
        }
    }

    private void send(byte[] reply, SocketAddress client) {
        if (reply.length == 0) {
            return;
        }
        try {
            udp.send(ByteBuffer.wrap(reply), client);
        } catch (IOException gone) {
            // the client went away or the listener closed
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket connection = tcp.accept();
                threads.execute(() -> serveTcp(connection));
            } catch (IOException | RuntimeException refused) {
                // closed, or accept failed for this connection only
            }
        }
    }

    private void serveTcp(Socket connection) {
        try (connection) {
            connection.setSoTimeout(TCP_IDLE_MILLIS);
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] reply = service.answer(querier, query, Transport.TCP).toCompletableFuture().join();
                if (reply.length == 0) {
                    return;
                }
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            }
        } catch (EOFException | SocketTimeoutException finished) {
            // the client closed the connection or went quiet
        } catch (IOException | RuntimeException broken) {
            // a broken connection ends only itself
        }
    }

    @Override
    public void close() {
        try {
            udp.close();
            tcp.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
