package io.netdock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latency samples per operation and target, printed as one table: per target the count, median, p95, p99 and ops/s,
 * and for every target after the first the ratio of medians (that target / first: above 1, the first target is
 * faster). The samples can
 * be written to a file and read back ({@link #write}, {@link #read}), so tables of several runs can be joined
 * ({@link ColdWarm}). Thread-safe.
 *
 * <p>ops/s of a row is {@code clients / mean latency}: how many of that operation the given number of clients would
 * complete per second issuing it back to back. With one client it is {@code 1 / mean}; with N clients against a
 * daemon that serialises the operation it is the daemon's throughput for it.
 */
final class LatencyTable {

    private final List<String> targets;
    private final Map<String, Map<String, List<Long>>> samples = new LinkedHashMap<>();

    LatencyTable(List<String> targets) {
        this.targets = List.copyOf(targets);
    }

    synchronized void add(String target, String operation, long nanos) {
        samples.computeIfAbsent(operation, k -> new LinkedHashMap<>())
                .computeIfAbsent(target, k -> new ArrayList<>()).add(nanos);
    }

    /** The operations sampled, in the order first seen. */
    synchronized List<String> operations() {
        return List.copyOf(samples.keySet());
    }

    synchronized double medianMillis(String target, String operation) {
        return percentileMillis(target, operation, 50);
    }

    /** A percentile of an operation's samples for a target in milliseconds, or NaN when there are none. */
    synchronized double percentileMillis(String target, String operation, int p) {
        List<Long> values = samples.getOrDefault(operation, Map.of()).get(target);
        return values == null ? Double.NaN : percentile(sorted(values), p) / 1e6;
    }

    /** Appends every sample to {@code file}, one {@code target<TAB>operation<TAB>nanoseconds} line each. */
    synchronized void write(Path file) throws IOException {
        StringBuilder lines = new StringBuilder();
        samples.forEach((operation, byTarget) -> byTarget.forEach((target, values) -> values.forEach(
                nanos -> lines.append(target).append('\t').append(operation).append('\t').append(nanos).append('\n'))));
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Adds the samples {@link #write} wrote to {@code file}, for the targets of this table. */
    synchronized void read(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length == 3 && targets.contains(fields[0])) {
                add(fields[0], fields[1], Long.parseLong(fields[2]));
            }
        }
    }

    synchronized void print(String title, int clients) {
        System.out.println();
        System.out.println("## " + title);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", "operation"));
        for (String target : targets) {
            header.append(String.format(Locale.ROOT, " | %-8s %6s %10s %10s %10s %8s", target, "n", "median", "p95", "p99",
                    "ops/s"));
        }
        for (int t = 1; t < targets.size(); t++) {
            header.append(String.format(Locale.ROOT, " | %s/%s", targets.get(t), targets.get(0)));
        }
        System.out.println(header);
        for (Map.Entry<String, Map<String, List<Long>>> operation : samples.entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-28s", operation.getKey()));
            double[] medians = new double[targets.size()];
            for (int t = 0; t < targets.size(); t++) {
                List<Long> values = operation.getValue().getOrDefault(targets.get(t), List.of());
                long[] sorted = sorted(values);
                medians[t] = percentile(sorted, 50) / 1e6;
                double meanSeconds = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e9;
                row.append(String.format(Locale.ROOT, " | %-8s %6d %8.3fms %8.3fms %8.3fms %8.0f", "", sorted.length,
                        medians[t], percentile(sorted, 95) / 1e6, percentile(sorted, 99) / 1e6,
                        clients / meanSeconds));
            }
            for (int t = 1; t < targets.size(); t++) {
                row.append(String.format(Locale.ROOT, " | %8.1fx", medians[t] / medians[0]));
            }
            System.out.println(row);
        }
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Nearest-rank percentile; NaN for no samples. */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
