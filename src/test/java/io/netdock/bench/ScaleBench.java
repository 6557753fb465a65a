package io.netdock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scale run: one netdock filled with many networks and running containers (each attached to several networks),
 * and at each fill level the latency of single-object operations (which must stay flat as the daemon fills), of the
 * lists (which grow with what they list), the database size and the heap. Run it with {@code bench/scale}.
 *
 * <pre>
 * ScaleBench --socket /path/docker.sock --pid PID [--networks 10000] [--containers 25000] [--per-container 4]
 *            [--fill 1,10,100] [--samples 100] [--list-samples 5] [--threads 2] [--warmup 200]
 *            [--h2-file /path/netdock.mv.db | --pg-url jdbc:postgresql://... --pg-user u --pg-schema s]
 * </pre>
 *
 * <p>Before the first level's measurements {@code --warmup} unmeasured rounds let the JIT compile the paths (20
 * before later levels). Network {@code i} is {@code scale-n-i} on 10.(i / 256).(i % 256).0/24 (so at most 51 200 networks, under
 * 10.200.0.0); container {@code j} is created on networks {@code (j * per + k) mod networks} for k = 0 … per - 1
 * (API 1.44 accepts several endpoints at create) and started. At each fill level the sampled operations work on
 * networks and containers of their own (10.200.0.0/16 and up) next to the filled ones, and on random filled ones
 * for inspect and connect.
 */
public final class ScaleBench {

    private final Path socket;
    private final long pid;
    private final int networks;
    private final int containers;
    private final int perContainer;
    private final int threads;
    private final DatabaseSize databaseSize;
    private final Random random = new Random(42);
    private int networksMade;
    private int containersMade;
    private int temporary;

    private ScaleBench(Path socket, long pid, int networks, int containers, int perContainer, int threads,
                       DatabaseSize databaseSize) {
        this.socket = socket;
        this.pid = pid;
        this.networks = networks;
        this.containers = containers;
        this.perContainer = perContainer;
        this.threads = threads;
        this.databaseSize = databaseSize;
    }

    /** One fill level's figures. */
    record Level(int percent, int networks, int endpoints, LatencyTable latencies, double fillSeconds,
                 int fillRequests, double databaseMegabytes, double heapMegabytes, double rssMegabytes) {
    }

    interface DatabaseSize {
        double megabytes() throws IOException, SQLException;
    }

    public static void main(String[] args) throws Exception {
        Path socket = null;
        long pid = -1;
        int networks = 10_000;
        int containers = 25_000;
        int perContainer = 4;
        int[] fill = {1, 10, 100};
        int samples = 100;
        int listSamples = 5;
        int warmup = 200;
        int threads = 2;
        String h2File = null;
        String pgUrl = null;
        String pgUser = "postgres";
        String pgSchema = null;
        String title = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--socket" -> socket = Path.of(args[++i]);
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--networks" -> networks = Integer.parseInt(args[++i]);
                case "--containers" -> containers = Integer.parseInt(args[++i]);
                case "--per-container" -> perContainer = Integer.parseInt(args[++i]);
                case "--fill" -> fill = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--list-samples" -> listSamples = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--h2-file" -> h2File = args[++i];
                case "--pg-url" -> pgUrl = args[++i];
                case "--pg-user" -> pgUser = args[++i];
                case "--pg-schema" -> pgSchema = args[++i];
                case "--title" -> title = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (socket == null || pid < 0) {
            throw new IllegalArgumentException("give --socket and --pid of the netdock to fill");
        }
        if (networks > 200 * 256 || perContainer > networks) {
            throw new IllegalArgumentException("at most 51200 networks, and at most one endpoint per network");
        }
        DatabaseSize size = databaseSize(h2File, pgUrl, pgUser, pgSchema);
        ScaleBench bench = new ScaleBench(socket, pid, networks, containers, perContainer, threads, size);
        List<Level> levels = new ArrayList<>();
        for (int percent : fill) {
            levels.add(bench.level(percent, levels.isEmpty() ? warmup : 20, samples, listSamples));
        }
        print(title, networks, containers, perContainer, levels);
    }

    private static DatabaseSize databaseSize(String h2File, String pgUrl, String pgUser, String pgSchema) {
        if (pgUrl != null) {
            return () -> {
                try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, "");
                     PreparedStatement query = connection.prepareStatement("select coalesce(sum(pg_total_relation_size("
                             + "quote_ident(schemaname) || '.' || quote_ident(tablename))), 0) from pg_tables "
                             + "where schemaname = ?")) {
                    query.setString(1, pgSchema);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        return rs.getLong(1) / 1e6;
                    }
                }
            };
        }
        if (h2File != null) {
            return () -> Files.size(Path.of(h2File)) / 1e6;
        }
        return () -> Double.NaN;
    }

    /** Fills to {@code percent}, then {@code warmup} unmeasured rounds, {@code samples} measured ones and the lists. */
    private Level level(int percent, int warmup, int samples, int listSamples) throws Exception {
        int targetNetworks = (int) ((long) networks * percent / 100);
        int targetContainers = (int) ((long) containers * percent / 100);
        long begin = System.nanoTime();
        int requests = fillNetworks(targetNetworks) + fillContainers(targetContainers);
        double fillSeconds = (System.nanoTime() - begin) / 1e9;
        System.err.printf(Locale.ROOT, "# %d%%: %d networks, %d containers filled in %.1f s%n", percent,
                networksMade, containersMade, fillSeconds);
        LatencyTable table = new LatencyTable(List.of(percent + "%"));
        try (DockerApi api = api()) {
            for (int i = 0; i < warmup; i++) {
                sample(api, null, percent + "%");
            }
            for (int i = 0; i < samples; i++) {
                sample(api, table, percent + "%");
            }
            for (int i = 0; i < listSamples; i++) {
                time(table, percent + "%", "network list", api::listNetworks);
                time(table, percent + "%", "container list (all)", api::listContainers);
            }
        }
        double database = databaseSize.megabytes();
        double heap = heapAfterGc();
        double rss = rss();
        return new Level(percent, networksMade, containersMade * perContainer, table, fillSeconds, requests, database,
                heap, rss);
    }

    private int fillNetworks(int target) throws Exception {
        int from = networksMade;
        parallel(target - from, (api, i) -> api.createNetwork("scale-n-" + (from + i), filledSubnet(from + i)));
        networksMade = target;
        return target - from;
    }

    private int fillContainers(int target) throws Exception {
        int from = containersMade;
        parallel(target - from, (api, i) -> {
            int j = from + i;
            List<String> attached = new ArrayList<>();
            for (int k = 0; k < perContainer; k++) {
                attached.add("scale-n-" + (int) (((long) j * perContainer + k) % networksMade));
            }
            String id = api.createContainerOn("scale-c-" + j, "busybox:latest", attached);
            api.start(id);
        });
        containersMade = target;
        return 2 * (target - from);
    }

    private interface Step {
        void run(DockerApi api, int index) throws IOException;
    }

    /** Runs {@code count} steps on the client threads, each taking the next index. */
    private void parallel(int count, Step step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    try (DockerApi api = api()) {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            step.run(api, i);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static String filledSubnet(int i) {
        return "10." + (i / 256) + "." + (i % 256) + ".0/24";
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void time(LatencyTable table, String column, String operation, Call call) throws IOException {
        long start = System.nanoTime();
        call.run();
        long elapsed = System.nanoTime() - start;
        if (table != null) {
            table.add(column, operation, elapsed);
        }
    }

    /**
     * One round of single-object operations next to the filled ones: a network of its own (10.200.0.0/16 and up)
     * created, inspected, deleted; a container created on a random filled network, connected to another one
     * while created and while running, started, stopped, removed; a random filled network and container inspected.
     */
    private void sample(DockerApi api, LatencyTable table, String column) throws IOException {
        int n = temporary++;
        String own = "10." + (200 + (n / 256) % 50) + "." + (n % 256) + ".0/24";
        String filledNetwork = "scale-n-" + random.nextInt(networksMade);
        String otherNetwork = "scale-n-" + random.nextInt(networksMade);
        String filledContainer = "scale-c-" + random.nextInt(Math.max(1, containersMade));
        String[] network = new String[1];
        String[] container = new String[1];
        time(table, column, "ping", api::ping);
        time(table, column, "network create", () -> network[0] = api.createNetwork("scale-t-" + n, own));
        time(table, column, "network inspect (own)", () -> api.inspectNetwork(network[0]));
        time(table, column, "network inspect (filled)", () -> api.inspectNetwork(filledNetwork));
        time(table, column, "container create", () -> container[0] = api.createContainer("scale-tc-" + n,
                "busybox:latest", filledNetwork, false));
        if (!otherNetwork.equals(filledNetwork)) {
            time(table, column, "connect (created)", () -> api.connect(otherNetwork, container[0]));
            time(table, column, "disconnect (created)", () -> api.disconnect(otherNetwork, container[0]));
        }
        time(table, column, "start", () -> api.start(container[0]));
        time(table, column, "connect (running)", () -> api.connect(network[0], container[0]));
        time(table, column, "container inspect (own)", () -> api.inspectContainer(container[0]));
        if (containersMade > 0) {
            time(table, column, "container inspect (filled)", () -> api.inspectContainer(filledContainer));
        }
        time(table, column, "disconnect (running)", () -> api.disconnect(network[0], container[0]));
        time(table, column, "stop", () -> api.stop(container[0]));
        time(table, column, "remove", () -> api.remove(container[0], false));
        String published = api.createContainer("scale-tp-" + n, "busybox:latest", filledNetwork, true);
        time(table, column, "start (published port)", () -> api.start(published));
        api.remove(published, true);
        time(table, column, "network delete", () -> api.deleteNetwork(network[0]));
    }

    /** Heap in use after a full collection (jstat's S0U + S1U + EU + OU), MB. */
    private double heapAfterGc() throws IOException, InterruptedException {
        run("jcmd", Long.toString(pid), "GC.run");
        String[] lines = run("jstat", "-gc", Long.toString(pid)).strip().split("\n");
        String[] header = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        double kilobytes = 0;
        for (int i = 0; i < header.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
                kilobytes += Double.parseDouble(values[i]);
            }
        }
        return kilobytes / 1024;
    }

    private double rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return Double.NaN;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private DockerApi api() {
        return new DockerApi("netdock", socket);
    }

    private static void print(String title, int networks, int containers, int perContainer, List<Level> levels) {
        System.out.println();
        System.out.printf(Locale.ROOT, "## scale run%s: up to %d networks, %d running containers on %d networks each "
                + "(%d endpoints)%n", title.isEmpty() ? "" : " (" + title + ")", networks, containers, perContainer,
                containers * perContainer);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", "fill"));
        for (Level level : levels) {
            header.append(String.format(Locale.ROOT, " | %21s", level.percent() + "%"));
        }
        System.out.println(header);
        row("networks", levels, l -> String.format(Locale.ROOT, "%d", l.networks()));
        row("endpoints", levels, l -> String.format(Locale.ROOT, "%d", l.endpoints()));
        row("fill: requests/s", levels, l -> String.format(Locale.ROOT, "%.0f (%d in %.0f s)",
                l.fillRequests() / l.fillSeconds(), l.fillRequests(), l.fillSeconds()));
        row("database MB", levels, l -> String.format(Locale.ROOT, "%.1f", l.databaseMegabytes()));
        row("heap after GC MB", levels, l -> String.format(Locale.ROOT, "%.1f", l.heapMegabytes()));
        row("RSS MB", levels, l -> String.format(Locale.ROOT, "%.0f", l.rssMegabytes()));
        System.out.println("median / p95, ms");
        Map<String, Boolean> operations = new LinkedHashMap<>();
        for (Level level : levels) {
            level.latencies().operations().forEach(op -> operations.put(op, true));
        }
        for (String operation : operations.keySet()) {
            row(operation, levels, l -> {
                String column = l.percent() + "%";
                return String.format(Locale.ROOT, "%9.3f / %9.3f", l.latencies().medianMillis(column, operation),
                        l.latencies().percentileMillis(column, operation, 95));
            });
        }
    }

    private static void row(String name, List<Level> levels, java.util.function.Function<Level, String> cell) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-28s", name));
        for (Level level : levels) {
            row.append(String.format(Locale.ROOT, " | %21s", cell.apply(level)));
        }
        System.out.println(row);
    }
}
