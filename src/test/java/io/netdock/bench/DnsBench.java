package io.netdock.bench;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The DNS benchmark's client, run inside a container's network namespace ({@code nsenter --net=…}, see
 * {@code bench/dns-bench}): A queries for one local name to {@code 127.0.0.11:53}, each client a connected UDP socket
 * sending the next query when the last reply is in. Prints the first query's latency, then per phase the count,
 * queries/s, median and p95.
 *
 * <pre>
 * DnsBench --label netdock --name bench-a --expect 10.249.0.2 [--cold 1000] [--warmup 20000] [--seconds 5]
 *          [--threads 1,8]
 * </pre>
 */
public final class DnsBench {

    private static final InetSocketAddress RESOLVER = new InetSocketAddress("127.0.0.11", 53);

    private DnsBench() {
    }

    public static void main(String[] args) throws Exception {
        String label = "target";
        String name = null;
        String expect = null;
        int cold = 1000;
        int warmup = 20_000;
        int seconds = 5;
        int[] threads = {1, 8};
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--label" -> label = args[i + 1];
                case "--name" -> name = args[i + 1];
                case "--expect" -> expect = args[i + 1];
                case "--cold" -> cold = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        byte[] query = Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN)).toWire();

        try (Client client = new Client(query)) {
            long start = System.nanoTime();
            byte[] first = client.ask();
            long firstNanos = System.nanoTime() - start;
            check(first, expect);
            System.out.printf("%-8s first query        %8.3f ms%n", label, firstNanos / 1e6);
            long[] coldLatencies = new long[cold];
            for (int i = 0; i < cold; i++) {
                long sent = System.nanoTime();
                client.ask();
                coldLatencies[i] = System.nanoTime() - sent;
            }
            report(label, "next " + cold + " (cold)", 1, coldLatencies, -1);
            for (int i = 0; i < warmup; i++) {
                client.ask();
            }
        }
        for (int count : threads) {
            phase(label, query, count, seconds);
        }
    }

    private static void phase(String label, byte[] query, int clients, int seconds) throws Exception {
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int index = c;
            long[] mine = new long[4_000_000];
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                try (Client client = new Client(query)) {
                    ready.countDown();
                    go.await();
                    long deadline = window[1];
                    int n = 0;
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= deadline || n == mine.length) {
                            break;
                        }
                        client.ask();
                        mine[n++] = System.nanoTime() - sent;
                    }
                    counts[index] = n;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            running.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, (int) counts[c]);
            at += (int) counts[c];
        }
        report(label, clients + (clients == 1 ? " client (warm)" : " clients (warm)"), clients, all,
                total / (double) seconds);
    }

    private static void report(String label, String phase, int clients, long[] latencies, double qps) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[(int) (sorted.length * 0.95)] / 1e6;
        if (qps < 0) {
            qps = clients * 1e9 / Arrays.stream(latencies).average().orElse(1);
        }
        System.out.printf("%-8s %-18s %9d queries %9.0f q/s  median %7.3f ms  p95 %7.3f ms%n", label, phase,
                sorted.length, qps, median, p95);
    }

    private static void check(byte[] reply, String expect) throws Exception {
        Message message = new Message(reply);
        List<Record> answers = message.getSection(Section.ANSWER);
        boolean found = answers.stream().anyMatch(record -> record instanceof ARecord a
                && a.getAddress().getHostAddress().equals(expect));
        if (!found) {
            throw new IllegalStateException("the resolver did not answer " + expect + ": " + message);
        }
    }

    /** A connected UDP socket; each query gets the next ID, and only the reply with that ID counts. */
    private static final class Client implements AutoCloseable {
        private final DatagramSocket socket;
        private final byte[] query;
        private final byte[] buffer = new byte[4096];
        private final DatagramPacket out;
        private final DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        private int id;

        Client(byte[] query) throws Exception {
            this.query = query.clone();
            this.socket = new DatagramSocket();
            socket.connect(RESOLVER);
            socket.setSoTimeout(2000);
            this.out = new DatagramPacket(this.query, this.query.length);
        }

        byte[] ask() throws Exception {
            id = (id + 1) & 0xffff;
            query[0] = (byte) (id >> 8);
            query[1] = (byte) id;
            socket.send(out);
            while (true) {
                in.setLength(buffer.length);
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException lost) {
                    socket.send(out);
                    continue;
                }
                if (in.getLength() >= 2 && buffer[0] == query[0] && buffer[1] == query[1]) {
                    return Arrays.copyOf(buffer, in.getLength());
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
