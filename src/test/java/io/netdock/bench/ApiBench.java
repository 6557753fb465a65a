package io.netdock.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The API benchmark: the same Docker API operations, over Unix sockets, against netdock and a reference Docker in
 * one run, alternating which goes first, after a warm-up. Prints per operation the count, median, p95 and ops/s for
 * both, and the ratio of medians (Docker / netdock). Run it with {@code bench/api-bench}.
 *
 * <pre>
 * ApiBench --target netdock=/path/docker.sock --target docker=/tmp/netdock-ref/docker.sock
 *          [--iterations 50] [--concurrent-iterations 10] [--round 5] [--warmup 5 | --warmup netdock=300,docker=5]
 *          [--threads 1,8,32] [--list-sizes 100,1000] [--image busybox:latest] [--prefix bench] [--samples FILE]
 *          [--lifecycle N] [--pid name=PID]
 * </pre>
 *
 * <p>Any number of targets: the tables give each one's figures and every other target's median over the first's.
 * {@code --lifecycle N} measures issue 14's throughput scenario ({@link Lifecycle}, N sequences per client thread
 * and target, for each {@code --threads}) instead of the sequences below; {@code --pid name=PID} names a target's
 * process, whose CPU time the scenario then reports per sequence.
 *
 * <p>{@code --samples FILE} appends every measured latency to FILE as well ({@link LatencyTable#write}), so that
 * {@link ColdWarm} can join several runs: {@code bench/api-bench --cold} runs this once per fresh netdock.
 *
 * <p>One sequence: ping; network create (explicit /24), inspect; container create on it; connect and disconnect
 * the created container to a shared network; start; connect and disconnect the running container; stop; remove;
 * a container with a published port: start (its create and removal are not timed); network delete.
 *
 * <p>The targets take turns in phases: all N client threads run {@code --round} sequences against one target, then
 * against the other (the first target alternates between phases), so each daemon is measured under N concurrent
 * clients of its own, what one daemon still does in the background after a phase (Docker tears down namespaces and
 * shims after answering) lands on the first sequence of the next phase only, and drift of the machine affects both
 * alike.
 *
 * <p>Every name starts with {@code <prefix>-<run id>-}; networks use a free 10.X.0.0/16 (none of either daemon's
 * networks overlaps it); everything made is removed at the end, also when a step fails.
 */
public final class ApiBench {

    /** Sequence networks are 10.X.(16 + thread).0/24, so at most this many client threads. */
    static final int MAX_THREADS = 48;
    /** List networks are /28s of 10.X.64.0/18. */
    static final int MAX_LIST_NETWORKS = 1024;

    record Target(String name, Path socket) {
    }

    private final List<Target> targets;
    private final String image;
    private final String prefix;
    private int block;

    private ApiBench(List<Target> targets, String image, String prefix) {
        this.targets = targets;
        this.image = image;
        this.prefix = prefix;
    }

    public static void main(String[] args) throws Exception {
        List<Target> targets = new ArrayList<>();
        int iterations = 50;
        int concurrentIterations = 10;
        int round = 5;
        Map<String, Integer> warmup = new LinkedHashMap<>();
        int defaultWarmup = 5;
        int[] threads = {1, 8, 32};
        int[] listSizes = {100, 1000};
        String image = "busybox:latest";
        String prefix = "bench";
        Path samples = null;
        int lifecycle = 0;
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> {
                    String[] kv = args[++i].split("=", 2);
                    targets.add(new Target(kv[0], Path.of(kv[1])));
                }
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--concurrent-iterations" -> concurrentIterations = Integer.parseInt(args[++i]);
                case "--round" -> round = Integer.parseInt(args[++i]);
                case "--warmup" -> {
                    for (String part : args[++i].split(",")) {
                        String[] kv = part.split("=", 2);
                        if (kv.length == 1) {
                            warmup.clear();
                            defaultWarmup = Integer.parseInt(kv[0]);
                        } else {
                            warmup.put(kv[0], Integer.parseInt(kv[1]));
                        }
                    }
                }
                case "--threads" -> threads = ints(args[++i]);
                case "--list-sizes" -> listSizes = ints(args[++i]);
                case "--image" -> image = args[++i];
                case "--prefix" -> prefix = args[++i];
                case "--samples" -> samples = Path.of(args[++i]);
                case "--lifecycle" -> lifecycle = Integer.parseInt(args[++i]);
                case "--pid" -> {
                    String[] kv = args[++i].split("=", 2);
                    pids.put(kv[0], Long.parseLong(kv[1]));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("give at least one --target name=/path/to/socket");
        }
        if (Arrays.stream(threads).anyMatch(t -> t < 1 || t > MAX_THREADS)) {
            throw new IllegalArgumentException("--threads: 1 to " + MAX_THREADS + " client threads");
        }
        ApiBench bench = new ApiBench(targets, image, prefix + "-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36));
        try {
            bench.prepare();
            for (Target target : targets) {
                bench.warmUp(target, warmup.getOrDefault(target.name(), defaultWarmup));
            }
            for (int threadCount : lifecycle > 0 ? threads : new int[0]) {
                Lifecycle scenario = bench.lifecycle(pids);
                scenario.print(scenario.measure(threadCount, lifecycle, round), threadCount, lifecycle);
            }
            for (int threadCount : lifecycle > 0 ? new int[0] : threads) {
                int perThread = threadCount == 1 ? iterations : concurrentIterations;
                LatencyTable table = bench.measure(threadCount, perThread, round);
                table.print("operations, " + threadCount + " client thread" + (threadCount == 1 ? "" : "s") + ", "
                        + perThread + " sequences per thread and target", threadCount);
                if (samples != null && threadCount == 1) {
                    table.write(samples);
                }
            }
            int warmupElse = defaultWarmup;
            int[] sizes = listSizes.clone();
            Arrays.sort(sizes);
            for (int size : sizes) {
                LatencyTable table = bench.measureListing(size, Math.max(20, iterations),
                        target -> warmup.getOrDefault(target, warmupElse));
                if (samples != null) {
                    table.write(samples);
                }
            }
        } finally {
            bench.cleanUp();
        }
    }

    private static int[] ints(String list) {
        return list.isBlank() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private Lifecycle lifecycle(Map<String, Long> pids) {
        return new Lifecycle(targets, image, prefix, block, pids);
    }

    private String auxName() {
        return prefix + "-aux";
    }

    private String subnet(int third, int fourth, int length) {
        return "10." + block + "." + third + "." + fourth + "/" + length;
    }

    /** Picks the 10.X.0.0/16 no network of any target overlaps, and makes the shared network on each target. */
    private void prepare() throws IOException {
        List<String> used = new ArrayList<>();
        for (Target target : targets) {
            try (DockerApi api = api(target)) {
                used.addAll(api.subnetsInUse());
            }
        }
        block = -1;
        for (int x = 100; x < 255 && block < 0; x++) {
            long first = (10L << 24) | ((long) x << 16);
            if (used.stream().noneMatch(cidr -> Ipv4Range.overlaps(cidr, first, first + 0xffff))) {
                block = x;
            }
        }
        if (block < 0) {
            throw new IllegalStateException("no free 10.X.0.0/16 on the targets (subnets in use: " + used + ")");
        }
        for (Target target : targets) {
            try (DockerApi api = api(target)) {
                api.createNetwork(auxName(), subnet(0, 0, 20));
            }
        }
        System.out.println("# names " + prefix + "-*, subnets in 10." + block + ".0.0/16");
    }

    private void warmUp(Target target, int sequences) throws IOException {
        try (DockerApi api = api(target)) {
            for (int i = 0; i < sequences; i++) {
                sequence(api, null, 0, "w" + i);
            }
        }
    }

    /** {@code perThread} sequences per thread and target, in phases of {@code round} per thread. */
    private LatencyTable measure(int threadCount, int perThread, int round) throws Exception {
        LatencyTable table = new LatencyTable(targets.stream().map(Target::name).toList());
        DockerApi[][] clients = new DockerApi[threadCount][targets.size()];
        for (int t = 0; t < threadCount; t++) {
            for (int g = 0; g < targets.size(); g++) {
                clients[t][g] = api(targets.get(g));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try {
            List<Integer> order = new ArrayList<>();
            for (int g = 0; g < targets.size(); g++) {
                order.add(g);
            }
            int phase = 0;
            for (int done = 0; done < perThread; done += round, phase++) {
                int count = Math.min(round, perThread - done);
                int first = done;
                for (int g : order) {
                    List<Future<?>> running = new ArrayList<>();
                    for (int t = 0; t < threadCount; t++) {
                        DockerApi api = clients[t][g];
                        int thread = t;
                        running.add(pool.submit(() -> {
                            for (int i = first; i < first + count; i++) {
                                sequence(api, table, thread, threadCount + "-" + thread + "-" + i);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> future : running) {
                        future.get();
                    }
                }
                Collections.reverse(order);
            }
        } finally {
            pool.shutdown();
            for (DockerApi[] row : clients) {
                Arrays.stream(row).forEach(DockerApi::close);
            }
        }
        return table;
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void time(LatencyTable table, String target, String operation, Call call) throws IOException {
        long start = System.nanoTime();
        call.run();
        long elapsed = System.nanoTime() - start;
        if (table != null) {
            table.add(target, operation, elapsed);
        }
    }

    /** One sequence against one target; {@code table} null for the warm-up. */
    private void sequence(DockerApi api, LatencyTable table, int thread, String suffix) throws IOException {
        String target = api.target();
        String aux = auxName();
        String[] network = new String[1];
        String[] container = new String[1];
        long begin = System.nanoTime();
        time(table, target, "ping", api::ping);
        time(table, target, "network create", () -> network[0] = api.createNetwork(prefix + "-n-" + suffix,
                subnet(16 + thread, 0, 24)));
        time(table, target, "network inspect", () -> api.inspectNetwork(network[0]));
        time(table, target, "container create", () -> container[0] = api.createContainer(prefix + "-c-" + suffix,
                image, network[0], false));
        time(table, target, "connect (created)", () -> api.connect(aux, container[0]));
        time(table, target, "disconnect (created)", () -> api.disconnect(aux, container[0]));
        time(table, target, "start", () -> api.start(container[0]));
        time(table, target, "connect (running)", () -> api.connect(aux, container[0]));
        time(table, target, "disconnect (running)", () -> api.disconnect(aux, container[0]));
        time(table, target, "stop", () -> api.stop(container[0]));
        time(table, target, "remove", () -> api.remove(container[0], false));
        String published = api.createContainer(prefix + "-p-" + suffix, image, network[0], true);
        time(table, target, "start (published port)", () -> api.start(published));
        api.remove(published, true);
        time(table, target, "network delete", () -> api.deleteNetwork(network[0]));
        if (table != null) {
            table.add(target, "whole sequence", System.nanoTime() - begin);
        }
    }

    /**
     * {@code GET /networks} and one network's inspect while each target holds about {@code size} networks (its
     * existing ones plus /28 networks made here), the targets alternating request by request.
     */
    /** {@code warmups}: per target name, how many unmeasured lists and inspects first (as many as its warm-up sequences). */
    private LatencyTable measureListing(int size, int iterations, java.util.function.ToIntFunction<String> warmups)
            throws IOException {
        List<String> counts = new ArrayList<>();
        LatencyTable table = new LatencyTable(targets.stream().map(Target::name).toList());
        List<DockerApi> clients = targets.stream().map(this::api).toList();
        try {
            for (DockerApi api : clients) {
                List<String> mine = api.networkNamesContaining(prefix + "-l-");
                int missing = size - DockerApi.countIds(api.listNetworks());
                for (int i = mine.size(); missing > 0; i++, missing--) {
                    if (i >= MAX_LIST_NETWORKS) {
                        throw new IllegalStateException("list size " + size + " needs more than " + MAX_LIST_NETWORKS
                                + " networks");
                    }
                    api.createNetwork(prefix + "-l-" + i, subnet(64 + i / 16, (i % 16) * 16, 28));
                }
                int total = DockerApi.countIds(api.listNetworks());
                counts.add(api.target() + " " + total);
                for (int i = 0; i < warmups.applyAsInt(api.target()); i++) {
                    api.listNetworks();
                    api.inspectNetwork(auxName());
                }
            }
            for (int i = 0; i < iterations; i++) {
                List<DockerApi> order = new ArrayList<>(clients);
                if (i % 2 == 1) {
                    Collections.reverse(order);
                }
                for (DockerApi api : order) {
                    time(table, api.target(), "network list (" + size + ")", api::listNetworks);
                    time(table, api.target(), "network inspect (" + size + ")", () -> api.inspectNetwork(auxName()));
                }
            }
        } finally {
            clients.forEach(DockerApi::close);
        }
        table.print("network list and inspect with " + size + " networks (" + String.join(", ", counts) + ")", 1);
        return table;
    }

    /** Removes every container and network of this run from every target (force), reporting what it could not. */
    private void cleanUp() {
        for (Target target : targets) {
            try (DockerApi api = api(target)) {
                for (String name : api.containerNamesContaining(prefix + "-")) {
                    api.remove(name, true);
                }
                for (String name : api.networkNamesContaining(prefix + "-")) {
                    api.deleteNetwork(name);
                }
            } catch (IOException | RuntimeException failed) {
                System.err.println("# clean-up of " + target.name() + " incomplete: " + failed.getMessage());
            }
        }
    }

    private DockerApi api(Target target) {
        return new DockerApi(target.name(), target.socket());
    }
}
