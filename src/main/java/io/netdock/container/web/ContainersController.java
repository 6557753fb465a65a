package io.netdock.container.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.api.OpenResponses;
import io.netdock.api.RequestedVersion;
import io.netdock.container.Container;
import io.netdock.container.ContainerExits;
import io.netdock.container.ContainerFilters;
import io.netdock.container.ContainerProcesses;
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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /containers}: lifecycle, inspect, list, wait (connect/disconnect: {@link ConnectionsController}). */
@RestController
class ContainersController {

    private final ContainerService containers;
    private final ContainerViews views;
    private final ContainerExits exits;
    private final OpenResponses openResponses;
    private final ContainerProcesses processes;
    private final String stateDir;

    ContainersController(ContainerService containers, ContainerViews views, ContainerExits exits,
                         OpenResponses openResponses, ContainerProcesses processes, NetdockProperties properties) {
        this.containers = containers;
        this.views = views;
        this.exits = exits;
        this.openResponses = openResponses;
        this.processes = processes;
        this.stateDir = properties.stateDirectory().toString();
    }

    @PostMapping("/containers/create")
    ResponseEntity<DockerDocument> create(@RequestParam(required = false) String name,
                                               @RequestBody(required = false) JsonNode body,
                                               HttpServletRequest request) {
        ApiVersion version = RequestedVersion.of(request);
        CreatedContainer created = containers.create(CreateRequestReader.read(name, body, version.atLeast("1.44")));
        return ResponseEntity.status(HttpStatus.CREATED).body(DockerDocument.object()
                .field("Id", created.container().id())
                .field("Warnings", created.warnings()));
    }

    @GetMapping({"/containers/json", "/containers/json/"})
    List<DockerDocument> list(@RequestParam(required = false) String all,
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
    DockerDocument inspect(@PathVariable String id, HttpServletRequest request) {
        ContainerView view = views.of(id);
        return ContainerDocuments.inspect(view, views.namespaceOwner(view.container()), stateDir,
                processes.logDriver(), RequestedVersion.of(request));
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
            response.getOutputStream().write(PendingWait.body(container.state().exitCode(), null));
            return;
        }
        response.flushBuffer();
        PendingWait.start(request, container.id(),
                removed ? ContainerExits.Until.REMOVED : ContainerExits.Until.NEXT_EXIT, exits, openResponses);
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
