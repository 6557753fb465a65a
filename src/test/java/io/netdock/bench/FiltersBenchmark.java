package io.netdock.bench;

import io.netdock.filters.Filters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Docker's {@code filters} parameter as a list request uses it: parse what the docker CLI sends, then test every
 * item (a network or container: a name and labels) against it. {@code bench/jmh Filters}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FiltersBenchmark {

    /** What `docker network ls --filter name=... --filter label=env=prod --filter label=keep` sends. */
    static final String CLI_FILTER = "{\"label\":{\"env=prod\":true,\"keep\":true},\"name\":{\"web-1\":true}}";

    record Item(String name, Map<String, String> labels) {
    }

    @Param("10000")
    int items;

    List<Item> inventory;
    Filters byNameRegexp;
    Filters byLabels;

    @Setup
    public void createInventory() {
        inventory = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("com.example.team", "team-" + i % 10);
            labels.put("env", i % 2 == 0 ? "prod" : "dev");
            if (i % 7 == 0) {
                labels.put("keep", "");
            }
            inventory.add(new Item((i % 3 == 0 ? "web-" : "db-") + i + "-" + Integer.toHexString(i * 7919), labels));
        }
        byNameRegexp = Filters.parse("{\"name\":{\"^web-[0-9]*7-\":true}}");
        byLabels = Filters.parse("{\"label\":{\"env=prod\":true,\"keep\":true}}");
    }

    @Benchmark
    public Filters parseCliFilter() {
        return Filters.parse(CLI_FILTER);
    }

    @Benchmark
    public int nameRegexpOverItems() {
        int matching = 0;
        for (Item item : inventory) {
            if (byNameRegexp.match("name", item.name())) {
                matching++;
            }
        }
        return matching;
    }

    @Benchmark
    public int labelsOverItems() {
        int matching = 0;
        for (Item item : inventory) {
            if (byLabels.matchesLabels("label", item.labels())) {
                matching++;
            }
        }
        return matching;
    }

    /** A whole list request: parse, then name (regexp) and labels for every item. */
    @Benchmark
    public int parseAndFilterItems() {
        Filters filters = Filters.parse(CLI_FILTER);
        int matching = 0;
        for (Item item : inventory) {
            if (filters.match("name", item.name()) && filters.matchesLabels("label", item.labels())) {
                matching++;
            }
        }
        return matching;
    }
}
