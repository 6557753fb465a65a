package io.netdock.container.web;

import io.netdock.api.RequestedVersion;
import io.netdock.api.StreamFrames;
import io.netdock.container.Container;
import io.netdock.go.BoolValue;
import io.netdock.container.ContainerProcesses;
import io.netdock.container.ContainerService;
import io.netdock.error.DockerError;
import io.netdock.process.LogQuery;
import io.netdock.process.LogReader;
import io.netdock.go.GoTime;
import io.netdock.go.Strconv;
import io.netdock.go.Unparsable;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /containers/{id}/logs}: the json-file log in the multiplexed stream format ({@code follow},
 * {@code since}, {@code until}, {@code timestamps}, {@code tail}, {@code stdout}/{@code stderr}). Without processes
 * there is no log: the answer says why and how to enable processes.
 */
@RestController
class ContainerLogsController {

    private final ContainerService containers;
    private final ContainerProcesses processes;
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "netdock-logs");
        thread.setDaemon(true);
        return thread;
    });

    ContainerLogsController(ContainerService containers, ContainerProcesses processes) {
        this.containers = containers;
        this.processes = processes;
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
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        OutputStream body = async.getResponse().getOutputStream();
        readers.execute(() -> {
            try {
                LogReader.read(processes.logFile(container.id()), query,
                        query.follow() ? processes.liveLog(container.id()) : null, entry -> {
                            String text = query.timestamps() ? GoTime.formatFixed(entry.time()) + " " + entry.log()
                                    : entry.log();
                            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                            try {
                                StreamFrames.write(body, framed, entry.stream().number(), bytes, 0, bytes.length);
                            } catch (IOException gone) {
                                throw new UncheckedIOException(gone);
                            }
                        });
            } catch (UncheckedIOException | InterruptedException clientGone) {
                // the client stopped reading
            } finally {
                async.complete();
            }
        });
    }

    /** dockerd's {@code timetypes.ParseTimestamps}: seconds, optionally {@code .nanoseconds}; 0 or empty for none. */
    private static Instant time(String value) {
        if (value == null || value.isEmpty() || value.equals("0")) {
            return null;
        }
        int dot = value.indexOf('.');
        try {
            long seconds = Strconv.parseInt(dot < 0 ? value : value.substring(0, dot));
            if (dot < 0) {
                return Instant.ofEpochSecond(seconds);
            }
            String fraction = (value.substring(dot + 1) + "000000000").substring(0, 9);
            return Instant.ofEpochSecond(seconds, Strconv.parseInt(fraction));
        } catch (Unparsable bad) {
            throw DockerError.system(bad.getMessage());
        }
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
