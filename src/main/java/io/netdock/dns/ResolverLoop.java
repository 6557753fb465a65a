package io.netdock.dns;

import io.netdock.kernel.DnsSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one DNS server of netdock: serves every resolver's sockets — each sandbox's at {@code 127.0.0.11} in linux
 * mode, and the host listener's — from one platform thread and one {@link Selector}. The sockets were opened in
 * their namespaces and stay there, so no thread ever changes namespace here. A query is answered on this thread
 * when the answer is local (the {@link DnsService} completes at once) and replied to straight away; a forwarded
 * one is replied to when its upstream answers, from whichever thread completes it (UDP), or handed back to this
 * thread (TCP). UDP is read in bursts; TCP carries length-prefixed messages, several per connection.
 *
 * <p>TCP connections time out like Docker's resolver (miekg/dns's server defaults): a connection that has not sent
 * a whole query {@link #FIRST_QUERY_TIMEOUT} after it was accepted, or stays {@link #IDLE_TIMEOUT} without a query
 * after its last reply, is closed.
 */
public final class ResolverLoop implements AutoCloseable {

    /** miekg/dns's {@code dnsTimeout}, the server's read timeout for a connection's first message. */
    public static final Duration FIRST_QUERY_TIMEOUT = Duration.ofSeconds(2);
    /** miekg/dns's {@code tcpIdleTimeout}: how long a connection may wait for its next query. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(8);

    private static final Logger log = LoggerFactory.getLogger(ResolverLoop.class);
    /** The largest DNS message (a 16-bit length). */
    private static final int MAX_MESSAGE = 65535;
    /** Datagrams read from one socket before looking at the others, so one busy sandbox cannot starve them. */
    private static final int BURST = 64;
    /** How often idle connections are looked for, while there are any. */
    private static final long SWEEP_MILLIS = 250;

    private final DnsService service;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final long firstQueryNanos;
    private final long idleNanos;
    /** Only touched on the loop thread. */
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_MESSAGE);
    /** Every open TCP connection; only touched on the loop thread. */
    private final Set<Connection> connections = new HashSet<>();
    private volatile boolean running = true;

    public ResolverLoop(DnsService service) {
        this(service, FIRST_QUERY_TIMEOUT, IDLE_TIMEOUT);
    }

    ResolverLoop(DnsService service, Duration firstQueryTimeout, Duration idleTimeout) {
        this.service = service;
        this.firstQueryNanos = firstQueryTimeout.toNanos();
        this.idleNanos = idleTimeout.toNanos();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::run, "netdock-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts serving a resolver's sockets for a querier. Queries that arrive before are queued by the kernel. */
    public Served serve(Querier querier, DnsSockets sockets) {
        Served served = new Served(querier, sockets);
        onLoop(() -> {
            try {
                sockets.udp().configureBlocking(false);
                sockets.tcp().configureBlocking(false);
                sockets.udp().register(selector, SelectionKey.OP_READ, served);
                sockets.tcp().register(selector, SelectionKey.OP_ACCEPT, served);
            } catch (IOException | RuntimeException closedMeanwhile) {
                served.close();
            }
        });
        return served;
    }

    /** Stops serving a resolver: its sockets and open TCP connections are closed; waits until they are. */
    public void withdraw(Served served) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            served.close();
            done.complete(null);
        });
        if (Thread.currentThread() != thread && running) {
            done.join();
        }
    }

    private void onLoop(Runnable task) {
        if (Thread.currentThread() == thread) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        ResolverWarmUp.run(service);
        long nextSweep = 0;
        while (running) {
            try {
                if (connections.isEmpty()) {
                    selector.select();
                } else {
                    selector.select(SWEEP_MILLIS);
                }
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                Set<SelectionKey> ready = selector.selectedKeys();
                for (SelectionKey key : ready) {
                    handle(key);
                }
                ready.clear();
                if (!connections.isEmpty()) {
                    long now = System.nanoTime();
                    if (now - nextSweep >= 0) {
                        closeIdle(now);
                        nextSweep = now + SWEEP_MILLIS * 1_000_000L;
                    }
                }
            } catch (ClosedSelectorException closed) {
                return;
            } catch (IOException | RuntimeException unexpected) {
                log.warn("embedded DNS: {}", unexpected.toString());
            }
        }
    }

    private void closeIdle(long now) {
        List<Connection> expired = new ArrayList<>();
        for (Connection connection : connections) {
            if (connection.expired(now)) {
                expired.add(connection);
            }
        }
        expired.forEach(Connection::close);
    }

    private void handle(SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.channel() instanceof DatagramChannel udp) {
                readDatagrams(udp, (Served) key.attachment());
            } else if (key.channel() instanceof ServerSocketChannel tcp) {
                accept(tcp, (Served) key.attachment());
            } else {
                Connection connection = (Connection) key.attachment();
                if (key.isReadable()) {
                    connection.read();
                }
                if (key.isValid() && key.isWritable()) {
                    connection.flush();
                }
            }
        } catch (CancelledKeyException closed) {
            // the resolver was withdrawn meanwhile
        } catch (IOException broken) {
            if (key.attachment() instanceof Connection connection) {
                connection.close();
            }
        }
    }

    private void readDatagrams(DatagramChannel udp, Served served) throws IOException {
        for (int i = 0; i < BURST; i++) {
            datagram.clear();
            SocketAddress client = udp.receive(datagram);
            if (client == null) {
                return;
            }
            byte[] query = new byte[datagram.flip().remaining()];
            datagram.get(query);
            CompletableFuture<byte[]> answer = service.answer(served.querier, query, Transport.UDP)
                    .toCompletableFuture();
            if (answer.isDone() && !answer.isCompletedExceptionally()) {
                sendDatagram(udp, answer.join(), client);
            } else {
                answer.thenAccept(reply -> sendDatagram(udp, reply, client));
            }
        }
    }

    /** A datagram channel may be written from any thread; a full send buffer drops the reply, as UDP may. */
    private static void sendDatagram(DatagramChannel udp, byte[] reply, SocketAddress client) {
        if (reply.length == 0) {
            return;
        }
        try {
            udp.send(ByteBuffer.wrap(reply), client);
        } catch (IOException gone) {
            // the sandbox went away meanwhile
        }
    }

    private void accept(ServerSocketChannel tcp, Served served) throws IOException {
        SocketChannel accepted;
        while ((accepted = tcp.accept()) != null) {
            accepted.configureBlocking(false);
            Connection connection = new Connection(served, accepted, System.nanoTime() + firstQueryNanos);
            connection.key = accepted.register(selector, SelectionKey.OP_READ, connection);
            served.connections.add(connection);
            connections.add(connection);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** A resolver being served: its querier, its sockets, its open TCP connections. */
    public static final class Served {
        private final Querier querier;
        private final DnsSockets sockets;
        private final Set<Connection> connections = new HashSet<>();

        private Served(Querier querier, DnsSockets sockets) {
            this.querier = querier;
            this.sockets = sockets;
        }

        public String sandboxId() {
            return sockets.sandboxId();
        }

        public DnsSockets sockets() {
            return sockets;
        }

        /** On the loop thread. */
        private void close() {
            sockets.close();
            List.copyOf(connections).forEach(Connection::close);
        }
    }

    /** One TCP connection: length-prefixed queries in, length-prefixed replies out, in the order asked. */
    private final class Connection {
        private final Served served;
        private final SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer in = ByteBuffer.allocate(2 + 512);
        private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        private boolean endOfInput;
        private int pending;
        /** When the connection is closed unless a query or a reply is under way (System.nanoTime). */
        private long deadline;

        Connection(Served served, SocketChannel channel, long deadline) {
            this.served = served;
            this.channel = channel;
            this.deadline = deadline;
        }

        boolean expired(long now) {
            return pending == 0 && out.isEmpty() && now - deadline >= 0;
        }

        void read() throws IOException {
            int read = channel.read(in);
            if (read < 0) {
                endOfInput = true;
                key.interestOps(out.isEmpty() ? 0 : SelectionKey.OP_WRITE);
                closeIfDone();
                return;
            }
            in.flip();
            while (in.remaining() >= 2) {
                int length = Short.toUnsignedInt(in.getShort(in.position()));
                if (in.remaining() < 2 + length) {
                    break;
                }
                in.position(in.position() + 2);
                byte[] query = new byte[length];
                in.get(query);
                pending++;
                service.answer(served.querier, query, Transport.TCP).whenComplete((reply, failed) ->
                        onLoop(() -> answered(failed == null ? reply : new byte[0])));
            }
            in.compact();
            if (!in.hasRemaining() && in.capacity() < 2 + MAX_MESSAGE) {
                in = ByteBuffer.allocate(2 + MAX_MESSAGE).put(in.flip());
            }
        }

        private void answered(byte[] reply) {
            pending--;
            if (!channel.isOpen()) {
                return;
            }
            if (reply.length > 0) {
                out.add(ByteBuffer.allocate(2 + reply.length).putShort((short) reply.length).put(reply).flip());
            }
            try {
                flush();
            } catch (IOException broken) {
                close();
            }
        }

        void flush() throws IOException {
            while (!out.isEmpty()) {
                ByteBuffer next = out.peek();
                channel.write(next);
                if (next.hasRemaining()) {
                    key.interestOps(reading() | SelectionKey.OP_WRITE);
                    return;
                }
                out.poll();
            }
            key.interestOps(reading());
            if (pending == 0) {
                deadline = System.nanoTime() + idleNanos;
            }
            closeIfDone();
        }

        private int reading() {
            return endOfInput ? 0 : SelectionKey.OP_READ;
        }

        private void closeIfDone() {
            if (endOfInput && pending == 0 && out.isEmpty()) {
                close();
            }
        }

        void close() {
            served.connections.remove(this);
            connections.remove(this);
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
