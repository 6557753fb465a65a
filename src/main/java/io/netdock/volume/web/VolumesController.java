package io.netdock.volume.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    VolumeList list(HttpServletRequest request) {
        Filters.parse(request.getParameter("filters")).accept(FILTERS);
        return new VolumeList(List.of(), null);
    }

    @GetMapping("/volumes/{name}")
    void inspect(@PathVariable String name) {
        throw DockerError.notFound("get " + name + ": no such volume");
    }

    /** {@code docker volume prune}: there is nothing to prune. */
    @PostMapping("/volumes/prune")
    Map<String, Object> prune(HttpServletRequest request) {
        Filters.parse(request.getParameter("filters")).accept(PRUNE_FILTERS);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("VolumesDeleted", List.of());
        answer.put("SpaceReclaimed", 0);
        return answer;
    }

    record VolumeList(@JsonProperty("Volumes") List<Object> volumes, @JsonProperty("Warnings") List<String> warnings) {
    }
}
