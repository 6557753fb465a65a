package io.netdock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 14's throughput scenario, a mode of {@link ApiBench} ({@code --lifecycle N}): N client threads, each on
 * networks of its own (made before and removed after the measurement, not timed), each looping container create
 * (on its first network) → start → connect (to its second network) → disconnect → stop → remove. No two clients
 * touch the same container or network, so a daemon that serialises independent mutations shows it as sequences/s
 * that do not grow with the clients.
 *
 * <p>The targets take turns in phases like {@link ApiBench}'s sequences ({@code round} sequences per client, then
 * the next target, the first target alternating), and per target the wall time of its phases is summed:
 * sequences/s = all its clients' sequences ÷ that time. The per-operation latencies go to a {@link LatencyTable}.
 *
 * <p>For a target whose process id is known ({@code --pid name=PID}), the CPU time that process used during its
 * phases (user + system, from {@code /proc/PID/stat}) is summed too: CPU per sequence does not depend on how busy
 * the machine is, and cores ÷ CPU per sequence bounds the sequences/s any number of clients can get.
 */
final class Lifecycle {

    /** Thread t's two networks are 10.X.(128 + t).0/25 and .128/25. */
    static final int FIRST_THIRD_OCTET = 128;

    private final List<ApiBench.Target> targets;
    private final String image;
    private final String prefix;
    private final int block;
    private final Map<String, Long> pids;

    Lifecycle(List<ApiBench.Target> targets, String image, String prefix, int block, Map<String, Long> pids) {
        this.targets = targets;
        this.image = image;
        this.prefix = prefix;
        this.block = block;
        this.pids = pids;
    }

    /**
     * What one run of the scenario gives: per-operation latencies and, per target, sequences, seconds and CPU
     * clock ticks of its process (negative when its process id is unknown).
     */
    record Result(LatencyTable latencies, long[] sequences, long[] nanos, long[] cpuTicks) {

        double perSecond(int target) {
            return sequences[target] / (nanos[target] / 1e9);
        }

        /** CPU milliseconds per sequence, or NaN. */
        double cpuMillisPerSequence(int target) {
            return cpuTicks[target] < 0 ? Double.NaN : cpuTicks[target] * 1000.0 / TICKS_PER_SECOND / sequences[target];
        }
    }

    /** USER_HZ of /proc/PID/stat: 100 on every Linux architecture netdock runs on. */
    static final int TICKS_PER_SECOND = 100;

    Result measure(int threadCount, int perThread, int round) throws Exception {
        LatencyTable table = new LatencyTable(targets.stream().map(ApiBench.Target::name).toList());
        long[] sequences = new long[targets.size()];
        long[] nanos = new long[targets.size()];
        long[] cpuTicks = new long[targets.size()];
        for (int g = 0; g < targets.size(); g++) {
            cpuTicks[g] = pids.containsKey(targets.get(g).name()) ? 0 : -1;
        }
        DockerApi[][] clients = new DockerApi[threadCount][targets.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try {
            for (int t = 0; t < threadCount; t++) {
                for (int g = 0; g < targets.size(); g++) {
                    clients[t][g] = new DockerApi(targets.get(g).name(), targets.get(g).socket());
                    clients[t][g].createNetwork(home(threadCount, t), subnet(t, 0));
                    clients[t][g].createNetwork(away(threadCount, t), subnet(t, 128));
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int g = 0; g < targets.size(); g++) {
                order.add(g);
            }
            for (int done = 0; done < perThread; done += round) {
                int count = Math.min(round, perThread - done);
                int first = done;
                for (int g : order) {
                    List<Future<?>> running = new ArrayList<>();
                    long cpuBefore = cpuTicks(targets.get(g).name());
                    long begin = System.nanoTime();
                    for (int t = 0; t < threadCount; t++) {
                        DockerApi api = clients[t][g];
                        int thread = t;
                        running.add(pool.submit(() -> {
                            for (int i = first; i < first + count; i++) {
                                sequence(api, table, threadCount, thread, i);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> future : running) {
                        future.get();
                    }
                    nanos[g] += System.nanoTime() - begin;
                    if (cpuTicks[g] >= 0) {
                        cpuTicks[g] += cpuTicks(targets.get(g).name()) - cpuBefore;
                    }
                    sequences[g] += (long) count * threadCount;
                }
                Collections.reverse(order);
            }
        } finally {
            pool.shutdown();
            for (int t = 0; t < threadCount; t++) {
                for (DockerApi api : clients[t]) {
                    if (api != null) {
                        removeNetworks(api, threadCount, t);
                        api.close();
                    }
                }
            }
        }
        return new Result(table, sequences, nanos, cpuTicks);
    }

    /** User + system clock ticks the target's process has used so far, or 0 when its process id is unknown. */
    private long cpuTicks(String target) throws IOException {
        Long pid = pids.get(target);
        if (pid == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the fields after the command name (which may contain spaces) in parentheses; utime and stime are 14 and 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Prints sequences/s per target and, for every target after the first, the first's rate over its rate. */
    void print(Result result, int threadCount, int perThread) {
        System.out.println();
        System.out.println("## lifecycle, " + threadCount + " client thread" + (threadCount == 1 ? "" : "s")
                + " on networks of their own, " + perThread + " sequences per thread and target"
                + " (create, start, connect, disconnect, stop, remove)");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%-10s %10s %10s %14s %12s %12s %16s %s%n", "target", "sequences", "seconds",
                "sequences/s", "CPU ms/seq", "cores busy", "bound on " + cores + " cores",
                " " + targets.get(0).name() + " faster by");
        for (int g = 0; g < targets.size(); g++) {
            String ratio = g == 0 ? "" : String.format(Locale.ROOT, "%8.2fx", result.perSecond(0) / result.perSecond(g));
            double cpu = result.cpuMillisPerSequence(g);
            System.out.printf(Locale.ROOT, "%-10s %10d %10.2f %14.1f %12.2f %12.2f %16.1f %s%n", targets.get(g).name(),
                    result.sequences()[g], result.nanos()[g] / 1e9, result.perSecond(g), cpu,
                    cpu * result.perSecond(g) / 1000, cores * 1000 / cpu, ratio);
        }
        result.latencies().print("lifecycle operations, " + threadCount + " client thread"
                + (threadCount == 1 ? "" : "s"), threadCount);
    }

    private void sequence(DockerApi api, LatencyTable table, int threadCount, int thread, int i) throws IOException {
        String target = api.target();
        String[] container = new String[1];
        String name = prefix + "-lc-" + threadCount + "-" + thread + "-" + i;
        long begin = System.nanoTime();
        time(table, target, "container create",
                () -> container[0] = api.createContainer(name, image, home(threadCount, thread), false));
        time(table, target, "start", () -> api.start(container[0]));
        time(table, target, "connect", () -> api.connect(away(threadCount, thread), container[0]));
        time(table, target, "disconnect", () -> api.disconnect(away(threadCount, thread), container[0]));
        time(table, target, "stop", () -> api.stop(container[0]));
        time(table, target, "remove", () -> api.remove(container[0], false));
        table.add(target, "whole lifecycle", System.nanoTime() - begin);
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void time(LatencyTable table, String target, String operation, Call call) throws IOException {
        long start = System.nanoTime();
        call.run();
        table.add(target, operation, System.nanoTime() - start);
    }

    private void removeNetworks(DockerApi api, int threadCount, int thread) {
        for (String network : Arrays.asList(home(threadCount, thread), away(threadCount, thread))) {
            try {
                api.deleteNetwork(network);
            } catch (IOException | RuntimeException failed) {
                // the run's clean-up removes what is left (names start with the prefix)
            }
        }
    }

    private String home(int threadCount, int thread) {
        return prefix + "-lh-" + threadCount + "-" + thread;
    }

    private String away(int threadCount, int thread) {
        return prefix + "-la-" + threadCount + "-" + thread;
    }

    private String subnet(int thread, int fourth) {
        return "10." + block + "." + (FIRST_THIRD_OCTET + thread) + "." + fourth + "/25";
    }
}
