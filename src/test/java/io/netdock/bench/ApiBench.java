package io.netdock.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API benchmark: the same Docker API operations, over Unix sockets, against netdock and a reference
 * Docker in one run, alternating, after a warm-up. Prints per operation: count, median, p95 and ops/s for
 * both, and the ratio of medians (Docker / netdock). Run it with {@code bench/api-bench}.
 *
 * <pre>
 * ApiBench --target netdock=/path/docker.sock --target docker=/tmp/netdock-ref/docker.sock
 *          [--iterations 50] [--warmup 5] [--threads 1,8,32] [--list-sizes 100,1000] [--image busybox:latest]
 *          [--prefix bench] [--prewarm netdock=300]
 * </pre>
 * {@code --prewarm NAME=N} runs N sequences against that target alone first: a JVM compiles its hot paths only after
 * thousands of requests (the shared warm-up is the same few sequences for every target, and Docker's is compiled).
 * Every name starts with {@code <prefix>-<run id>-} (the reference Docker is shared: use your worktree's name), and
 * subnets come from {@code 10.X.0.0/16} blocks no network of either daemon uses; what a run creates it removes.
 */
public final class ApiBench {

    private static final Pattern ID = Pattern.compile("\"Id\"\\s*:\\s*\"([0-9a-f]{64})\"");

    record Target(String name, Path socket) {
    }

    /** Latencies in nanoseconds per target, per operation, in operation order. */
    private final Map<String, Map<String, List<Long>>> samples = new ConcurrentHashMap<>();
    private final List<String> operationOrder = new CopyOnWriteArrayList<>();
    private final String image;
    private final String names;
    /** Second octet of the 10.X.0.0/16 block this run's networks use: the auxiliary one, then one /24 per thread. */
    private final int block;

    private ApiBench(String image, String names, int block) {
        this.image = image;
        this.names = names;
        this.block = block;
    }

    public static void main(String[] args) throws Exception {
        List<Target> targets = new ArrayList<>();
        int iterations = 50;
        int warmup = 5;
        int[] threads = {1};
        int[] listSizes = {};
        String image = "busybox:latest";
        String prefix = "bench";
        Map<String, Integer> prewarm = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> {
                    String[] kv = args[++i].split("=", 2);
                    targets.add(new Target(kv[0], Path.of(kv[1])));
                }
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--list-sizes" -> {
                    String sizes = args[++i];
                    listSizes = sizes.isBlank() ? new int[0]
                            : Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray();
                }
                case "--image" -> image = args[++i];
                case "--prefix" -> prefix = args[++i];
                case "--prewarm" -> {
                    String[] kv = args[++i].split("=", 2);
                    prewarm.put(kv[0], Integer.parseInt(kv[1]));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("give at least one --target name=/path/to/socket");
        }
        String names = prefix + "-" + Long.toString(System.currentTimeMillis() % 100000, 36);
        List<Integer> blocks = freeBlocks(targets, 1 + Arrays.stream(listSizes).map(size -> (size + 255) / 256).sum());
        System.out.println("# names " + names + "-*, subnets in 10." + blocks + ".0.0/16");
        for (int threadCount : threads) {
            if (threadCount > 240) {
                throw new IllegalArgumentException("at most 240 threads (one /24 each in 10.X.16.0/20 and above)");
            }
            ApiBench bench = new ApiBench(image, names, blocks.get(0));
            try {
                for (Target target : targets) {
                    if (prewarm.containsKey(target.name())) {
                        bench.runSequences(List.of(target), prewarm.get(target.name()), false, threadCount);
                    }
                }
                bench.runSequences(targets, warmup, false, threadCount);
                bench.samples.clear();
                bench.operationOrder.clear();
                bench.runSequences(targets, iterations, true, threadCount);
            } finally {
                bench.removeAux(targets);
            }
            bench.print("operations, " + threadCount + " client thread" + (threadCount == 1 ? "" : "s")
                    + ", " + iterations + " iterations per thread", targets, threadCount);
        }
        int next = 1;
        for (int size : listSizes) {
            List<Integer> listBlocks = blocks.subList(next, next + (size + 255) / 256);
            next += listBlocks.size();
            ApiBench bench = new ApiBench(image, names, listBlocks.get(0));
            bench.runListing(targets, size, Math.max(20, iterations), listBlocks, prewarm);
            bench.print("network list with " + size + " networks", targets, 1);
        }
    }

    /** {@code count} second octets X whose 10.X.0.0/16 overlaps no network of any target. */
    private static List<Integer> freeBlocks(List<Target> targets, int count) throws IOException {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (Target target : targets) {
            try (RawHttp http = new RawHttp(target.socket())) {
                Matcher subnet = Pattern.compile("\"Subnet\"\\s*:\\s*\"(\\d+)\\.(\\d+)\\.\\d+\\.\\d+/(\\d+)\"")
                        .matcher(http.call("GET", "/v1.41/networks", null).body());
                while (subnet.find()) {
                    int length = Integer.parseInt(subnet.group(3));
                    if (subnet.group(1).equals("10") && length >= 8) {
                        int second = Integer.parseInt(subnet.group(2));
                        int span = length >= 16 ? 1 : 1 << (16 - length);
                        for (int b = second - second % span; b < second - second % span + span; b++) {
                            used.add(b);
                        }
                    }
                }
            }
        }
        List<Integer> free = new ArrayList<>();
        for (int second = 100; second < 256 && free.size() < count; second++) {
            if (!used.contains(second)) {
                free.add(second);
            }
        }
        if (free.size() < count) {
            throw new IllegalStateException("fewer than " + count + " free 10.X.0.0/16 blocks");
        }
        return free;
    }

    private String auxName() {
        return names + "-aux";
    }

    private void removeAux(List<Target> targets) throws IOException {
        for (Target target : targets) {
            try (RawHttp http = new RawHttp(target.socket())) {
                http.call("DELETE", "/v1.41/networks/" + auxName(), null);
            }
        }
    }

    /** Alternates targets per iteration (A then B, then B then A) so drift affects both alike. */
    private void runSequences(List<Target> targets, int iterations, boolean record, int threadCount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Target target : targets) {
                prepare(target);
            }
            for (int t = 0; t < threadCount; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    Map<String, RawHttp> clients = new LinkedHashMap<>();
                    targets.forEach(target -> clients.put(target.name(), new RawHttp(target.socket())));
                    try {
                        for (int i = 0; i < iterations; i++) {
                            List<Target> order = new ArrayList<>(targets);
                            if (i % 2 == 1) {
                                java.util.Collections.reverse(order);
                            }
                            for (Target target : order) {
                                sequence(target, clients.get(target.name()), thread, i, record);
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        clients.values().forEach(RawHttp::close);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A network both sequences connect containers to. */
    private void prepare(Target target) throws IOException {
        try (RawHttp http = new RawHttp(target.socket())) {
            RawHttp.Response existing = http.call("GET", "/v1.41/networks/" + auxName(), null);
            if (existing.status() == 404) {
                expect(http.call("POST", "/v1.41/networks/create", "{\"Name\":\"" + auxName()
                        + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10." + block + ".0.0/20\"}]}}"), 201, target);
            }
        }
    }

    private void sequence(Target target, RawHttp http, int thread, int iteration, boolean record) throws IOException {
        String aux = auxName();
        String suffix = thread + "-" + iteration + (record ? "" : "w");
        // each thread's network is gone before its next iteration: its /24 is reused
        String cidr = "10." + block + "." + (16 + thread) + ".0/24";

        time(target, "ping", record, () -> expect(http.call("GET", "/_ping", null), 200, target));
        String network = idOf(time(target, "network create", record, () -> expect(http.call("POST",
                "/v1.41/networks/create", "{\"Name\":\"" + names + "-n-" + suffix + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\""
                        + cidr + "\"}]}}"), 201, target)));
        time(target, "network inspect", record, () -> expect(http.call("GET", "/v1.41/networks/" + network, null), 200, target));
        String container = idOf(time(target, "container create", record, () -> expect(http.call("POST",
                "/v1.41/containers/create?name=" + names + "-c-" + suffix, "{\"Image\":\"" + image
                        + "\",\"Cmd\":[\"sleep\",\"3600\"],\"HostConfig\":{\"NetworkMode\":\"" + network + "\"}}"),
                201, target)));
        String connect = "{\"Container\":\"" + container + "\"}";
        time(target, "connect (created)", record, () -> expect(http.call("POST", "/v1.41/networks/" + aux + "/connect",
                connect), 200, target));
        time(target, "disconnect (created)", record, () -> expect(http.call("POST",
                "/v1.41/networks/" + aux + "/disconnect", connect), 200, target));
        time(target, "start", record, () -> expect(http.call("POST", "/v1.41/containers/" + container + "/start", null),
                204, target));
        time(target, "connect (running)", record, () -> expect(http.call("POST", "/v1.41/networks/" + aux + "/connect",
                connect), 200, target));
        time(target, "disconnect (running)", record, () -> expect(http.call("POST",
                "/v1.41/networks/" + aux + "/disconnect", connect), 200, target));
        time(target, "stop", record, () -> expect(http.call("POST", "/v1.41/containers/" + container + "/stop?t=0",
                null), 204, target));
        time(target, "remove", record, () -> expect(http.call("DELETE", "/v1.41/containers/" + container, null),
                204, target));

        String published = idOf(expect(http.call("POST", "/v1.41/containers/create?name=" + names + "-p-" + suffix,
                "{\"Image\":\"" + image + "\",\"Cmd\":[\"sleep\",\"3600\"],\"ExposedPorts\":{\"80/tcp\":{}},"
                        + "\"HostConfig\":{\"NetworkMode\":\"" + network
                        + "\",\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}]}}}"), 201, target));
        time(target, "start (published port)", record, () -> expect(http.call("POST",
                "/v1.41/containers/" + published + "/start", null), 204, target));
        expect(http.call("DELETE", "/v1.41/containers/" + published + "?force=1", null), 204, target);
        time(target, "network delete", record, () -> expect(http.call("DELETE", "/v1.41/networks/" + network, null),
                204, target));
    }

    private void runListing(List<Target> targets, int size, int iterations, List<Integer> listBlocks,
                            Map<String, Integer> prewarm) throws IOException {
        for (Target target : targets) {
            try (RawHttp http = new RawHttp(target.socket())) {
                List<String> created = new ArrayList<>();
                int existing = countNetworks(http);
                for (int i = existing; i < size; i++) {
                    String cidr = "10." + listBlocks.get(i / 256) + "." + (i % 256) + ".0/24";
                    created.add(idOf(expect(http.call("POST", "/v1.41/networks/create", "{\"Name\":\"" + names
                            + "-l-" + i + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"" + cidr + "\"}]}}"), 201, target)));
                }
                for (int i = 0; i < 3 + 10 * prewarm.getOrDefault(target.name(), 0); i++) {
                    expect(http.call("GET", "/v1.41/networks", null), 200, target);
                }
                for (int i = 0; i < iterations; i++) {
                    time(target, "network list (" + size + ")", true,
                            () -> expect(http.call("GET", "/v1.41/networks", null), 200, target));
                }
                for (String id : created) {
                    expect(http.call("DELETE", "/v1.41/networks/" + id, null), 204, target);
                }
            }
        }
    }

    private static int countNetworks(RawHttp http) throws IOException {
        String body = http.call("GET", "/v1.41/networks", null).body();
        int count = 0;
        for (Matcher m = Pattern.compile("\"Id\"").matcher(body); m.find(); ) {
            count++;
        }
        return count;
    }

    private interface Call {
        RawHttp.Response run() throws IOException;
    }

    private RawHttp.Response time(Target target, String operation, boolean record, Call call) throws IOException {
        long start = System.nanoTime();
        RawHttp.Response response = call.run();
        long elapsed = System.nanoTime() - start;
        if (record) {
            if (!operationOrder.contains(operation)) {
                operationOrder.add(operation);
            }
            samples.computeIfAbsent(target.name(), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(operation, k -> new CopyOnWriteArrayList<>()).add(elapsed);
        }
        return response;
    }

    private static RawHttp.Response expect(RawHttp.Response response, int status, Target target) {
        if (response.status() != status) {
            throw new IllegalStateException(target.name() + " answered " + response.status() + " (expected " + status
                    + "): " + response.body());
        }
        return response;
    }

    private static String idOf(RawHttp.Response response) {
        Matcher m = ID.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no Id in " + response.body());
        }
        return m.group(1);
    }

    private void print(String title, List<Target> targets, int threadCount) {
        System.out.println();
        System.out.println("## " + title);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-24s %6s", "operation", "n"));
        for (Target target : targets) {
            header.append(String.format(Locale.ROOT, " | %-10s %9s %9s %9s", target.name(), "median", "p95", "ops/s"));
        }
        if (targets.size() == 2) {
            header.append(String.format(Locale.ROOT, " | %s/%s", targets.get(1).name(), targets.get(0).name()));
        }
        System.out.println(header);
        for (String operation : operationOrder) {
            StringBuilder row = null;
            double[] medians = new double[targets.size()];
            for (int t = 0; t < targets.size(); t++) {
                List<Long> values = samples.getOrDefault(targets.get(t).name(), Map.of()).get(operation);
                if (values == null) {
                    continue;
                }
                long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
                if (row == null) {
                    row = new StringBuilder(String.format(Locale.ROOT, "%-24s %6d", operation, sorted.length));
                }
                double median = percentile(sorted, 50) / 1e6;
                double p95 = percentile(sorted, 95) / 1e6;
                double mean = Arrays.stream(sorted).average().orElse(0) / 1e9;
                medians[t] = median;
                row.append(String.format(Locale.ROOT, " | %-10s %7.3fms %7.3fms %9.0f", "", median, p95,
                        threadCount / mean));
            }
            if (row == null) {
                continue;
            }
            if (targets.size() == 2 && medians[0] > 0) {
                row.append(String.format(Locale.ROOT, " | %8.1fx", medians[1] / medians[0]));
            }
            System.out.println(row);
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
