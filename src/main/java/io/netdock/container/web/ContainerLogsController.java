package io.netdock.container.web;

import io.netdock.api.OpenResponses;
import io.netdock.api.RequestedVersion;
import io.netdock.api.StreamFrames;
import io.netdock.api.StreamedResponse;
import io.netdock.container.Container;
import io.netdock.go.BoolValue;
import io.netdock.container.ContainerProcesses;
import io.netdock.container.ContainerService;
import io.netdock.error.DockerError;
import io.netdock.process.LogQuery;
import io.netdock.process.LogReader;
import io.netdock.go.GoTime;
import io.netdock.go.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /containers/{id}/logs}: the json-file log in the multiplexed stream format ({@code follow},
 * {@code since}, {@code until}, {@code timestamps}, {@code tail}, {@code stdout}/{@code stderr}). Without processes
 * there is no log: the answer says why and how to enable processes. A followed log ends when the process's log
 * closes, when the client goes away or when netdock shuts down.
 */
@RestController
class ContainerLogsController {

    private final ContainerService containers;
    private final ContainerProcesses processes;
    private final OpenResponses openResponses;
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "netdock-logs");
        thread.setDaemon(true);
        return thread;
    });

    ContainerLogsController(ContainerService containers, ContainerProcesses processes,
                            OpenResponses openResponses) {
        this.containers = containers;
        this.processes = processes;
        this.openResponses = openResponses;
    }

    @GetMapping("/containers/{id}/logs")
    void logs(@PathVariable String id, @RequestParam(required = false) String stdout,
              @RequestParam(required = false) String stderr, @RequestParam(required = false) String follow,
              @RequestParam(required = false) String since, @RequestParam(required = false) String until,
              @RequestParam(required = false) String timestamps, @RequestParam(required = false) String tail,
              HttpServletRequest request, HttpServletResponse response) throws IOException {
        Container container = containers.get(id);
        boolean out = BoolValue.of(stdout);
        boolean err = BoolValue.of(stderr);
        if (!out && !err) {
            throw DockerError.invalidParameter("Bad parameters: you must choose at least one stream");
        }
        processes.requireProcesses("logs");
        LogQuery query = new LogQuery(out, err, time(since), time(until), BoolValue.of(timestamps),
                tail(tail), BoolValue.of(follow));
        boolean framed = !container.config().tty();
        response.setStatus(200);
        response.setContentType(StreamTypes.of(container, RequestedVersion.of(request)).toString());
        response.flushBuffer();
        StreamedResponse stream = StreamedResponse.start(request, openResponses);
        OutputStream body = stream.body();
        Future<?> reader = readers.submit(() -> {
            try {
                LogReader.read(processes.logFile(container.id()), query,
                        query.follow() ? processes.liveLog(container.id()) : null, entry -> {
                            String text = query.timestamps() ? GoTime.formatFixed(entry.time()) + " " + entry.log()
                                    : entry.log();
                            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                            try {
                                StreamFrames.write(body, framed, entry.stream().number(), bytes, 0, bytes.length);
                            } catch (IOException | IllegalStateException gone) {
                                throw new UncheckedIOException(new IOException(gone));
                            }
                        });
            } catch (UncheckedIOException | InterruptedException clientGoneOrEnded) {
                // the client stopped reading, or the stream was ended while following
            } finally {
                stream.run();
            }
        });
        stream.whenEnded(() -> reader.cancel(true));
    }

    /** A {@code since}/{@code until} timestamp; 0 or empty for none. */
    private static Instant time(String value) {
        if (value == null || value.equals("0")) {
            return null;
        }
        OptionalLong nanos = Timestamps.parse(value);
        if (nanos.isEmpty()) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(nanos.getAsLong(), 1_000_000_000L),
                Math.floorMod(nanos.getAsLong(), 1_000_000_000L));
    }

    /** {@code all}, a number, or (like dockerd) anything else for all. */
    private static int tail(String value) {
        if (value == null || value.isEmpty() || value.equals("all")) {
            return -1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
