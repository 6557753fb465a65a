package io.netdock.container.web;

import io.netdock.api.DockerDocument;
import io.netdock.container.Container;
import io.netdock.container.ContainerFreezer;
import io.netdock.container.ContainerProcesses;
import io.netdock.container.ContainerService;
import io.netdock.process.TopTable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code top}, {@code pause}, {@code unpause} and {@code resize} of a container. */
@RestController
class ContainerProcessController {

    private final ContainerFreezer freezer;
    private final ContainerService containers;

    ContainerProcessController(ContainerFreezer freezer, ContainerService containers) {
        this.freezer = freezer;
        this.containers = containers;
    }

    @GetMapping("/containers/{id}/top")
    DockerDocument top(@PathVariable String id, @RequestParam(name = "ps_args", required = false) String args) {
        TopTable table = freezer.top(id, args);
        return DockerDocument.object()
                .field("Processes", table.processes())
                .field("Titles", table.titles());
    }

    @PostMapping("/containers/{id}/pause")
    ResponseEntity<Void> pause(@PathVariable String id) {
        freezer.pause(id, true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/containers/{id}/unpause")
    ResponseEntity<Void> unpause(@PathVariable String id) {
        freezer.pause(id, false);
        return ResponseEntity.noContent().build();
    }

    /** No TTY, nothing to resize: dockerd answers 200 for a running container, 409 otherwise. */
    @PostMapping("/containers/{id}/resize")
    ResponseEntity<Void> resize(@PathVariable String id, @RequestParam(required = false) String h,
                                @RequestParam(required = false) String w) {
        Container container = containers.get(id);
        if (!container.isRunning()) {
            throw ContainerProcesses.notRunning(container);
        }
        return ResponseEntity.ok().build();
    }
}
