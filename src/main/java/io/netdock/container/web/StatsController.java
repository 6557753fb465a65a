package io.netdock.container.web;

import io.netdock.api.OpenResponses;
import io.netdock.api.StreamedResponse;
import io.netdock.container.Container;
import io.netdock.container.ContainerExits;
import io.netdock.container.ContainerService;
import io.netdock.container.ContainerViews;
import io.netdock.go.BoolValue;
import io.netdock.system.HostFacts;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /containers/{id}/stats}: one document ({@code stream=false}), or one per second until the container
 * stops or the client goes away, like dockerd. Counters are zero (no process).
 */
@RestController
class StatsController {

    private final ContainerService containers;
    private final ContainerViews views;
    private final ContainerExits exits;
    private final OpenResponses openResponses;
    private final JsonMapper json;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "netdock-stats");
        thread.setDaemon(true);
        return thread;
    });

    StatsController(ContainerService containers, ContainerViews views, ContainerExits exits,
                    OpenResponses openResponses, JsonMapper json) {
        this.containers = containers;
        this.views = views;
        this.exits = exits;
        this.openResponses = openResponses;
        this.json = json;
    }

    @PreDestroy
    void stopTicking() {
        ticker.shutdownNow();
    }

    @GetMapping("/containers/{id}/stats")
    void stats(@PathVariable String id, @RequestParam(required = false) String stream,
               @RequestParam(name = "one-shot", required = false) String oneShot,
               HttpServletRequest request, HttpServletResponse response) throws IOException {
        Container container = containers.get(id);
        response.setStatus(200);
        response.setContentType("application/json");
        boolean streaming = BoolValue.orDefault(stream, true);
        Instant now = Instant.now();
        if (!streaming || !container.isRunning()) {
            Instant previous = BoolValue.of(oneShot) ? null : now.minusSeconds(1);
            response.getOutputStream().write(document(container.id(), now, previous));
            return;
        }
        response.getOutputStream().write(document(container.id(), now, null));
        response.flushBuffer();
        StreamedResponse open = StreamedResponse.start(request, openResponses);
        open.whenEnded(exits.register(container.id(), ContainerExits.Until.NEXT_EXIT, code -> open.run())::cancel);
        AtomicReference<Instant> last = new AtomicReference<>(now);
        var tick = ticker.scheduleAtFixedRate(() -> {
            Instant at = Instant.now();
            try {
                open.body().write(document(container.id(), at, last.getAndSet(at)));
                open.flush();
            } catch (IOException | RuntimeException clientGone) {
                open.run();
            }
        }, 1, 1, TimeUnit.SECONDS);
        open.whenEnded(() -> tick.cancel(false));
    }

    private byte[] document(String id, Instant now, Instant previous) {
        var view = views.of(id);
        var doc = StatsDocuments.of(view.container(), view.endpoints(), now, previous,
                HostFacts.local().memoryBytes());
        return (json.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
