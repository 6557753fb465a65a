package io.netdock.container.web;

import io.netdock.api.DockerDocument;
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

    static DockerDocument of(Container container, List<Endpoint> endpoints, Instant now, Instant previous,
                             long memoryLimit) {
        boolean running = container.isRunning();
        DockerDocument blkio = DockerDocument.object();
        for (String key : BLKIO) {
            blkio.field(key, running ? List.of() : null);
        }
        DockerDocument doc = DockerDocument.object()
                .field("read", running ? GoTime.format(now) : GoTime.ZERO)
                .field("preread", running && previous != null ? GoTime.format(previous) : GoTime.ZERO)
                .field("pids_stats", running ? DockerDocument.object().field("current", 0) : Map.of())
                .field("blkio_stats", blkio)
                .field("num_procs", 0)
                .field("storage_stats", Map.of())
                .field("cpu_stats", cpu(running, now))
                .field("precpu_stats", cpu(running && previous != null, previous))
                .field("memory_stats", running ? memory(memoryLimit) : Map.of())
                .field("name", "/" + container.name())
                .field("id", container.id());
        if (running) {
            Map<String, Object> networks = new LinkedHashMap<>();
            for (Endpoint endpoint : endpoints) {
                if (!endpoint.interfaceName().isEmpty()) {
                    networks.put(endpoint.interfaceName(), interfaceCounters());
                }
            }
            doc.field("networks", DockerDocument.goMap(networks));
        }
        return doc;
    }

    /** Without a sample ({@code sampled} false) dockerd leaves out the system usage and the CPU count. */
    private static DockerDocument cpu(boolean sampled, Instant at) {
        DockerDocument cpu = DockerDocument.object().field("cpu_usage", DockerDocument.object()
                .field("total_usage", 0)
                .field("usage_in_kernelmode", 0)
                .field("usage_in_usermode", 0));
        if (sampled) {
            cpu.field("system_cpu_usage", at.getEpochSecond() * 1_000_000_000L + at.getNano())
                    .field("online_cpus", Runtime.getRuntime().availableProcessors());
        }
        return cpu.field("throttling_data", DockerDocument.object()
                .field("periods", 0)
                .field("throttled_periods", 0)
                .field("throttled_time", 0));
    }

    private static DockerDocument memory(long limit) {
        return DockerDocument.object().field("usage", 0).field("stats", Map.of()).field("limit", limit);
    }

    private static DockerDocument interfaceCounters() {
        DockerDocument counters = DockerDocument.object();
        for (String key : new String[] {"rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "tx_bytes", "tx_packets",
            "tx_errors", "tx_dropped"}) {
            counters.field(key, 0);
        }
        return counters;
    }
}
