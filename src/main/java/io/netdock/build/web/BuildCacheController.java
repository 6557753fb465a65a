package io.netdock.build.web;

import io.netdock.api.DockerDocument;
import io.netdock.filters.Filters;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The build cache of an engine that builds nothing (netdock's images are emulated): always empty, so
 * {@code docker builder prune} and {@code docker system prune} prune nothing and reclaim 0 B.
 */
@RestController
class BuildCacheController {

    private static final Set<String> PRUNE_FILTERS = Set.of("until", "id", "parent", "type", "description",
            "inuse", "shared", "private", "label", "label!");

    @PostMapping("/build/prune")
    DockerDocument prune(@RequestParam(required = false) String filters) {
        Filters.parse(filters).accept(PRUNE_FILTERS);
        return DockerDocument.object().field("CachesDeleted", null).field("SpaceReclaimed", 0);
    }
}
