package io.netdock.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.xbill.DNS.Message;

/**
 * A DNS server a test runs itself on 127.0.0.1 (UDP and TCP on one random port), so forwarding is tested without
 * any query leaving the machine. It answers each query with what {@code answers} returns; null = stay silent
 * (the client times out). Every query it received is kept.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    private final Function<Message, Message> answers;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-dns-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Message> received = new CopyOnWriteArrayList<>();

    public LoopbackDnsServer(Function<Message, Message> answers) throws IOException {
        this(answers, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * On another address, in the namespace of the constructing thread (its sockets stay there): a kernel test builds
     * it on a thread that entered a namespace the test made.
     */
    public LoopbackDnsServer(Function<Message, Message> answers, InetSocketAddress bind) throws IOException {
        this.answers = answers;
        Sockets sockets = Sockets.bind(bind);
        this.udp = sockets.udp();
        this.tcp = sockets.tcp();
        threads.execute(this::serveUdp);
        threads.execute(this::serveTcp);
    }

    /** A UDP and a TCP socket on one port. */
    private record Sockets(DatagramSocket udp, ServerSocket tcp) {

        /** A random UDP port's TCP twin may be taken by someone else: then another random port. */
        static Sockets bind(InetSocketAddress bind) throws IOException {
            for (int attempt = 1; ; attempt++) {
                DatagramSocket udp = new DatagramSocket(bind);
                ServerSocket tcp = new ServerSocket();
                try {
                    tcp.bind(new InetSocketAddress(bind.getAddress(), udp.getLocalPort()));
                    return new Sockets(udp, tcp);
                } catch (BindException taken) {
                    udp.close();
                    tcp.close();
                    if (bind.getPort() != 0 || attempt == 20) {
                        throw taken;
                    }
                }
            }
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    public List<Message> received() {
        return List.copyOf(received);
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                byte[] reply = reply(Arrays.copyOf(buffer, packet.getLength()));
                if (reply != null) {
                    udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket connection = tcp.accept();
                threads.execute(() -> serveConnection(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveConnection(Socket connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            byte[] query = new byte[in.readUnsignedShort()];
            in.readFully(query);
            byte[] reply = reply(query);
            if (reply != null) {
                DataOutputStream out = new DataOutputStream(connection.getOutputStream());
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            }
        } catch (IOException broken) {
            // the client went away
        }
    }

    private byte[] reply(byte[] wire) throws IOException {
        Message query = new Message(wire);
        received.add(query);
        Message reply = answers.apply(query);
        return reply == null ? null : reply.toWire();
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        threads.shutdownNow();
    }
}
