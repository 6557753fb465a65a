package io.netdock.volume.web;

import io.netdock.api.DockerDocument;
import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volumes as a Docker engine without any: containers in netdock have no file systems, so the list is always
 * empty. Clients (compose, {@code docker system df}) read it during ordinary work.
 */
@RestController
class VolumesController {

    private static final Set<String> FILTERS = Set.of("dangling", "driver", "label", "name");
    private static final Set<String> PRUNE_FILTERS = Set.of("label", "label!", "all");

    @GetMapping("/volumes")
    DockerDocument list(HttpServletRequest request) {
        Filters.parse(request.getParameter("filters")).accept(FILTERS);
        return DockerDocument.object().field("Volumes", List.of()).field("Warnings", null);
    }

    @GetMapping("/volumes/{name}")
    void inspect(@PathVariable String name) {
        throw DockerError.notFound("get " + name + ": no such volume");
    }

    /** {@code docker volume prune}: there is nothing to prune. */
    @PostMapping("/volumes/prune")
    DockerDocument prune(HttpServletRequest request) {
        Filters.parse(request.getParameter("filters")).accept(PRUNE_FILTERS);
        return DockerDocument.object().field("VolumesDeleted", List.of()).field("SpaceReclaimed", 0);
    }
}
