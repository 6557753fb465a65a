package io.netdock.container.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.RequestedVersion;
import io.netdock.container.Container;
import io.netdock.container.ContainerConnections;
import io.netdock.container.ContainerExits;
import io.netdock.container.ContainerFilters;
import io.netdock.container.ContainerService;
import io.netdock.container.ContainerView;
import io.netdock.container.ContainerViews;
import io.netdock.container.CreatedContainer;
import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import io.netdock.go.BoolValue;
import io.netdock.go.Strconv;
import io.netdock.go.Unparsable;
import io.netdock.server.NetdockProperties;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.JsonNode;

/** {@code /containers}: lifecycle, inspect, list, wait, attach, logs, and netdock's connect/disconnect shortcut. */
@RestController
class ContainersController {

    private static final MediaType RAW_STREAM = MediaType.parseMediaType("application/vnd.docker.raw-stream");
    private static final MediaType MULTIPLEXED = MediaType.parseMediaType("application/vnd.docker.multiplexed-stream");

    private static final String NO_NETWORK = "invalid network name or ID supplied: \"\"";

    private final ContainerService containers;
    private final ContainerViews views;
    private final ContainerConnections connections;
    private final ContainerExits exits;
    private final String stateDir;

    ContainersController(ContainerService containers, ContainerViews views, ContainerConnections connections,
                         ContainerExits exits, NetdockProperties properties) {
        this.containers = containers;
        this.views = views;
        this.connections = connections;
        this.exits = exits;
        this.stateDir = properties.stateDirectory().toString();
    }

    @PostMapping("/containers/create")
    ResponseEntity<Map<String, Object>> create(@RequestParam(required = false) String name,
                                               @RequestBody(required = false) JsonNode body,
                                               HttpServletRequest request) {
        ApiVersion version = RequestedVersion.of(request);
        CreatedContainer created = containers.create(CreateRequestReader.read(name, body, version.atLeast("1.44")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Id", created.container().id());
        answer.put("Warnings", created.warnings());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @GetMapping({"/containers/json", "/containers/json/"})
    List<Map<String, Object>> list(@RequestParam(required = false) String all,
                                   @RequestParam(required = false) String limit,
                                   @RequestParam(required = false) String filters, HttpServletRequest request) {
        ContainerFilters matcher = ContainerFilters.of(Filters.parse(filters));
        boolean everything = BoolValue.of(all) || matcher.selectsByStatus();
        int max = limit == null || limit.isEmpty() ? -1 : parseLimit(limit);
        Instant now = Instant.now();
        ApiVersion version = RequestedVersion.of(request);
        return views.all().stream()
                .filter(v -> everything || v.container().isRunning())
                .filter(matcher::matches)
                .limit(max > 0 ? max : Long.MAX_VALUE)
                .map(v -> ContainerDocuments.listItem(v, now, version))
                .toList();
    }

    @GetMapping("/containers/{id}/json")
    Map<String, Object> inspect(@PathVariable String id, HttpServletRequest request) {
        ContainerView view = views.of(id);
        return ContainerDocuments.inspect(view, views.namespaceOwner(view.container()), stateDir,
                RequestedVersion.of(request));
    }

    @PostMapping("/containers/{id}/start")
    ResponseEntity<Void> start(@PathVariable String id) {
        containers.start(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/containers/{id}/stop")
    ResponseEntity<Void> stop(@PathVariable String id, @RequestParam(required = false) String signal,
                              @RequestParam(required = false) String t) {
        containers.stop(id, signal, seconds(t));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/containers/{id}/restart")
    ResponseEntity<Void> restart(@PathVariable String id, @RequestParam(required = false) String signal,
                                 @RequestParam(required = false) String t) {
        containers.restart(id, signal, seconds(t));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/containers/{id}/kill")
    ResponseEntity<Void> kill(@PathVariable String id, @RequestParam(required = false) String signal) {
        containers.kill(id, signal);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/containers/{id}/rename")
    ResponseEntity<Void> rename(@PathVariable String id, @RequestParam(required = false) String name) {
        containers.rename(id, name);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/containers/{id}")
    ResponseEntity<Void> remove(@PathVariable String id, @RequestParam(required = false) String force,
                                @RequestParam(required = false) String v,
                                @RequestParam(required = false) String link) {
        containers.remove(id, BoolValue.of(force), BoolValue.of(link));
        return ResponseEntity.noContent().build();
    }

    /** A link name has a slash: {@code DELETE /containers/parent/alias?link=true}. */
    @DeleteMapping("/containers/{parent}/{alias}")
    ResponseEntity<Void> removeLink(@PathVariable String parent, @PathVariable String alias,
                                    @RequestParam(required = false) String force,
                                    @RequestParam(required = false) String link) {
        containers.remove(parent + "/" + alias, BoolValue.of(force), BoolValue.of(link));
        return ResponseEntity.noContent().build();
    }

    /** Headers go out at once (the CLI waits for them before it starts the container); the body at exit. */
    @PostMapping("/containers/{id}/wait")
    void await(@PathVariable String id, @RequestParam(required = false) String condition,
               HttpServletRequest request, HttpServletResponse response) throws IOException {
        Container container = containers.get(id);
        boolean nextExit = "next-exit".equals(condition);
        boolean removed = "removed".equals(condition);
        response.setStatus(200);
        response.setContentType("application/json");
        if (!nextExit && !removed && !container.isRunning()) {
            response.getOutputStream().write(waitBody(container.state().exitCode()));
            return;
        }
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        var registration = exits.register(container.id(),
                removed ? ContainerExits.Until.REMOVED : ContainerExits.Until.NEXT_EXIT, code -> {
                    try {
                        async.getResponse().getOutputStream().write(waitBody(code));
                    } catch (IOException | IllegalStateException clientGone) {
                        // nobody is listening any more
                    }
                    async.complete();
                });
        async.addListener(new CompletionListener(registration::cancel));
    }

    private static byte[] waitBody(int code) {
        return ("{\"StatusCode\":" + code + ",\"Error\":null}\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code Upgrade: tcp} → 101 and a raw stream on the hijacked connection; otherwise 200 with the stream as
     * the body. Either ends when the container next stops.
     */
    @PostMapping("/containers/{id}/attach")
    void attach(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Container container = containers.get(id);
        MediaType type = streamType(container, RequestedVersion.of(request));
        String upgrade = request.getHeader("Upgrade");
        if (upgrade != null && !upgrade.isEmpty()) {
            response.setHeader("Content-Type", type.toString());
            response.setHeader("Upgrade", "tcp");
            RawStreamUpgrade stream = request.upgrade(RawStreamUpgrade.class);
            stream.whenOpen(opened -> {
                var registration = exits.register(container.id(), ContainerExits.Until.NEXT_EXIT, code -> opened.close());
                opened.whenClosed(registration::cancel);
            });
            return;
        }
        response.setStatus(200);
        response.setContentType(type.toString());
        response.setHeader("Connection", "close");
        response.flushBuffer();
        var async = request.startAsync();
        async.setTimeout(0);
        var registration = exits.register(container.id(), ContainerExits.Until.NEXT_EXIT, code -> async.complete());
        async.addListener(new CompletionListener(registration::cancel));
    }

    @GetMapping("/containers/{id}/logs")
    ResponseEntity<ResponseBodyEmitter> logs(@PathVariable String id, @RequestParam(required = false) String stdout,
                                             @RequestParam(required = false) String stderr,
                                             @RequestParam(required = false) String follow,
                                             HttpServletRequest request) {
        Container container = containers.get(id);
        if (!BoolValue.of(stdout) && !BoolValue.of(stderr)) {
            throw DockerError.invalidParameter("Bad parameters: you must choose at least one stream");
        }
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
        if (BoolValue.of(follow) && container.isRunning()) {
            var registration = exits.register(container.id(), ContainerExits.Until.NEXT_EXIT, code -> emitter.complete());
            emitter.onCompletion(registration::cancel);
        } else {
            emitter.complete();
        }
        return ResponseEntity.ok().contentType(streamType(container, RequestedVersion.of(request))).body(emitter);
    }

    @GetMapping("/containers/{id}/top")
    Map<String, Object> top(@PathVariable String id) {
        Container container = containers.get(id);
        if (!container.isRunning()) {
            throw DockerError.conflict("Container " + container.id() + " is not running");
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("Titles", List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"));
        top.put("Processes", List.of());
        return top;
    }

    @PostMapping("/containers/{id}/connect")
    ResponseEntity<Void> connect(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                 HttpServletRequest request) {
        ConnectBodies connect = ConnectBodies.connect(body);
        String network = connect.reference("Network", NO_NETWORK);
        connections.connect(id, network, connect.endpoint(RequestedVersion.of(request)));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/containers/{id}/disconnect")
    ResponseEntity<Void> disconnect(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        ConnectBodies disconnect = ConnectBodies.disconnect(body);
        connections.disconnect(id, disconnect.reference("Network", NO_NETWORK), disconnect.force());
        return ResponseEntity.ok().build();
    }

    /** Docker ≥ 1.42 answers a non-TTY stream as multiplexed; a TTY (or older API) as raw. */
    private static MediaType streamType(Container container, ApiVersion version) {
        return !container.config().tty() && version.atLeast("1.42") ? MULTIPLEXED : RAW_STREAM;
    }

    /**
     * The {@code t} of stop and restart as dockerd reads it (Go's 64-bit {@code Atoi}), kept within an int; dockerd
     * passes a bad value's error through unwrapped, so the client gets 500 with Go's words and nothing happens.
     */
    private static Integer seconds(String t) {
        if (t == null || t.isEmpty()) {
            return null;
        }
        long seconds;
        try {
            seconds = Strconv.atoi(t);
        } catch (Unparsable notANumber) {
            throw DockerError.system(notANumber.getMessage());
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds));
    }

    private static int parseLimit(String limit) {
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException bad) {
            throw DockerError.invalidParameter("invalid value for limit: " + limit);
        }
    }
}
