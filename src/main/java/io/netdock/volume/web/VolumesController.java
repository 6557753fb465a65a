package io.netdock.volume.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volumes as a Docker engine without any: containers in netdock have no file systems, so the list is always
 * empty. Clients (compose, {@code docker system df}) read it during ordinary work.
 */
@RestController
class VolumesController {

    private static final Set<String> FILTERS = Set.of("dangling", "driver", "label", "name");

    @GetMapping("/volumes")
    VolumeList list(HttpServletRequest request) {
        Filters.parse(request.getParameter("filters")).accept(FILTERS);
        return new VolumeList(List.of(), null);
    }

    @GetMapping("/volumes/{name}")
    void inspect(@PathVariable String name) {
        throw DockerError.notFound("get " + name + ": no such volume");
    }

    record VolumeList(@JsonProperty("Volumes") List<Object> volumes, @JsonProperty("Warnings") List<String> warnings) {
    }
}
