package io.netdock.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Joins the samples of {@code bench/api-bench --cold}: the first sequences of several freshly started netdocks
 * (cold) and a run after the usual warm-up (warm), each with the reference Docker in the same run. Prints both
 * tables, then per operation netdock's cold median against its own warm median and against Docker's median of the
 * cold run, and the warm run's p99 against its median, each with the target it is held to.
 *
 * <pre>
 * ColdWarm --cold cold.tsv --warm warm.tsv [--netdock netdock] [--docker docker] [--title "..."]
 * </pre>
 */
public final class ColdWarm {

    /** Cold median at most this many times the warm median (issue 14). */
    static final double COLD_OVER_WARM = 1.5;
    /** p99 at most this many times the median (issue 14). */
    static final double P99_OVER_MEDIAN = 5;

    private ColdWarm() {
    }

    public static void main(String[] args) throws Exception {
        Path cold = null;
        Path warm = null;
        String netdock = "netdock";
        String docker = "docker";
        String title = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cold" -> cold = Path.of(args[++i]);
                case "--warm" -> warm = Path.of(args[++i]);
                case "--netdock" -> netdock = args[++i];
                case "--docker" -> docker = args[++i];
                case "--title" -> title = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (cold == null || warm == null) {
            throw new IllegalArgumentException("give --cold FILE and --warm FILE (written by ApiBench --samples)");
        }
        LatencyTable coldTable = new LatencyTable(List.of(netdock, docker));
        coldTable.read(cold);
        LatencyTable warmTable = new LatencyTable(List.of(netdock, docker));
        warmTable.read(warm);
        coldTable.print("cold: " + title + "netdock without warm-up, fresh for every round; Docker in the same run", 1);
        warmTable.print("warm: netdock after its warm-up; Docker in the same run", 1);
        System.out.println();
        System.out.println("## cold against warm (targets: cold median <= " + COLD_OVER_WARM
                + "x warm median and <= Docker's median; warm p99 <= " + (int) P99_OVER_MEDIAN + "x warm median)");
        System.out.println(String.format(Locale.ROOT, "%-28s | %10s %10s %9s | %10s %11s | %10s %9s | %s",
                "operation", "cold", "warm", "cold/warm", "docker", "cold/docker", "warm p99", "p99/med", "misses"));
        int misses = 0;
        for (String operation : coldTable.operations()) {
            double coldMedian = coldTable.medianMillis(netdock, operation);
            double warmMedian = warmTable.medianMillis(netdock, operation);
            double dockerMedian = coldTable.medianMillis(docker, operation);
            double warmP99 = warmTable.percentileMillis(netdock, operation, 99);
            StringBuilder missed = new StringBuilder();
            if (coldMedian > COLD_OVER_WARM * warmMedian) {
                missed.append(" cold/warm");
            }
            if (coldMedian > dockerMedian) {
                missed.append(" cold/docker");
            }
            if (warmP99 > P99_OVER_MEDIAN * warmMedian) {
                missed.append(" p99");
            }
            if (!missed.isEmpty()) {
                misses++;
            }
            System.out.println(String.format(Locale.ROOT,
                    "%-28s | %8.3fms %8.3fms %8.2fx | %8.3fms %10.2fx | %8.3fms %8.1fx |%s", operation, coldMedian,
                    warmMedian, coldMedian / warmMedian, dockerMedian, coldMedian / dockerMedian, warmP99,
                    warmP99 / warmMedian, missed.isEmpty() ? " -" : missed));
        }
        System.out.println("# " + misses + " of " + coldTable.operations().size() + " operations miss a target");
    }
}
