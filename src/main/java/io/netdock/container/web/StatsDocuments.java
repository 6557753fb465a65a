package io.netdock.container.web;

import io.netdock.container.Container;
import io.netdock.endpoint.Endpoint;
import io.netdock.go.GoTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/stats} documents in dockerd's shape (API 1.41 field order). There is no process:
 * CPU, memory, block I/O and interface counters are zero; the memory limit is the host's, like an unlimited
 * container's. A stopped container gets dockerd's all-empty document.
 */
final class StatsDocuments {

    private static final String[] BLKIO = {"io_service_bytes_recursive", "io_serviced_recursive", "io_queue_recursive",
        "io_service_time_recursive", "io_wait_time_recursive", "io_merged_recursive", "io_time_recursive",
        "sectors_recursive"};

    private StatsDocuments() {
    }

    static Map<String, Object> of(Container container, List<Endpoint> endpoints, Instant now, Instant previous,
                                  long memoryLimit) {
        boolean running = container.isRunning();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("read", running ? GoTime.format(now) : GoTime.ZERO);
        doc.put("preread", running && previous != null ? GoTime.format(previous) : GoTime.ZERO);
        doc.put("pids_stats", running ? Map.of("current", 0) : Map.of());
        Map<String, Object> blkio = new LinkedHashMap<>();
        for (String key : BLKIO) {
            blkio.put(key, running ? List.of() : null);
        }
        doc.put("blkio_stats", blkio);
        doc.put("num_procs", 0);
        doc.put("storage_stats", Map.of());
        doc.put("cpu_stats", cpu(running, now));
        doc.put("precpu_stats", cpu(running && previous != null, previous));
        doc.put("memory_stats", running ? memory(memoryLimit) : Map.of());
        doc.put("name", "/" + container.name());
        doc.put("id", container.id());
        if (running) {
            Map<String, Object> networks = new LinkedHashMap<>();
            for (Endpoint endpoint : endpoints) {
                if (!endpoint.interfaceName().isEmpty()) {
                    networks.put(endpoint.interfaceName(), interfaceCounters());
                }
            }
            doc.put("networks", networks);
        }
        return doc;
    }

    private static Map<String, Object> cpu(boolean sampled, Instant at) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("total_usage", 0);
        usage.put("usage_in_kernelmode", 0);
        usage.put("usage_in_usermode", 0);
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("cpu_usage", usage);
        if (sampled) {
            cpu.put("system_cpu_usage", at.getEpochSecond() * 1_000_000_000L + at.getNano());
            cpu.put("online_cpus", Runtime.getRuntime().availableProcessors());
        }
        Map<String, Object> throttling = new LinkedHashMap<>();
        throttling.put("periods", 0);
        throttling.put("throttled_periods", 0);
        throttling.put("throttled_time", 0);
        cpu.put("throttling_data", throttling);
        return cpu;
    }

    private static Map<String, Object> memory(long limit) {
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("usage", 0);
        memory.put("stats", Map.of());
        memory.put("limit", limit);
        return memory;
    }

    private static Map<String, Object> interfaceCounters() {
        Map<String, Object> counters = new LinkedHashMap<>();
        for (String key : new String[] {"rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "tx_bytes", "tx_packets",
            "tx_errors", "tx_dropped"}) {
            counters.put(key, 0);
        }
        return counters;
    }
}
