package io.netdock.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The cheapest request alone: {@code GET} of one path on several daemons, alternating request by request (so drift
 * of a busy machine affects all alike), over keep-alive connections ({@link RawHttp}). Prints per target the first
 * ten latencies (µs: how the first requests of a fresh daemon fare) and the median, p90 and p99 of the second half.
 *
 * <pre>
 * java -cp target/test-classes io.netdock.bench.PingLoop 4000 netdock=/tmp/nd/docker.sock:/_ping \
 *      docker=/tmp/netdock-ref/docker.sock:/_ping
 * </pre>
 */
public final class PingLoop {

    private PingLoop() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int count = args.length - 1;
        String[] labels = new String[count];
        String[] paths = new String[count];
        RawHttp[] clients = new RawHttp[count];
        for (int i = 0; i < count; i++) {
            String[] target = args[i + 1].split("=", 2);
            String[] socketAndPath = target[1].split(":", 2);
            labels[i] = target[0];
            clients[i] = new RawHttp(Path.of(socketAndPath[0]));
            paths[i] = socketAndPath[1];
        }
        long[][] nanos = new long[count][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                RawHttp.Response response = clients[i].call("GET", paths[i], null);
                nanos[i][k] = System.nanoTime() - start;
                if (response.status() != 200) {
                    throw new IllegalStateException(labels[i] + " answered " + response.status());
                }
            }
        }
        for (int i = 0; i < count; i++) {
            long[] secondHalf = Arrays.copyOfRange(nanos[i], n / 2, n);
            Arrays.sort(secondHalf);
            long[] first = Arrays.stream(Arrays.copyOf(nanos[i], Math.min(10, n))).map(t -> t / 1000).toArray();
            System.out.printf("%-12s first %s us | second half: median %.3f p90 %.3f p99 %.3f ms%n", labels[i],
                    Arrays.toString(first), millis(secondHalf, 0.5), millis(secondHalf, 0.9), millis(secondHalf, 0.99));
            clients[i].close();
        }
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
