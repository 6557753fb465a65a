package io.netdock.container.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.api.RequestedVersion;
import io.netdock.container.Container;
import io.netdock.container.ContainerService;
import io.netdock.container.ContainerViews;
import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import io.netdock.image.ImageService;
import io.netdock.image.web.ImageDocuments;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /system/df} and {@code POST /containers/prune}: what {@code docker system df} and
 * {@code docker system prune} / {@code docker container prune} read and do. netdock's containers and images
 * take no disk space, so every size is 0; there are no volumes and no build cache.
 */
@RestController
class DiskUsageController {

    private static final Set<String> TYPES = Set.of("container", "image", "volume", "build-cache");

    private final ContainerService containers;
    private final ContainerViews views;
    private final ImageService images;
    private final ImageDocuments imageDocuments;

    DiskUsageController(ContainerService containers, ContainerViews views, ImageService images,
                        ImageDocuments imageDocuments) {
        this.containers = containers;
        this.views = views;
        this.images = images;
        this.imageDocuments = imageDocuments;
    }

    /** The legacy shape (API ≤ 1.51, netdock's highest); {@code type} (1.42+) leaves the other kinds null. */
    @GetMapping("/system/df")
    DockerDocument diskUsage(HttpServletRequest request) {
        ApiVersion version = RequestedVersion.of(request);
        String[] requested = request.getParameterValues("type");
        Set<String> types = requested == null || version.below("1.42") ? TYPES : Set.copyOf(Arrays.asList(requested));
        for (String type : types) {
            if (!TYPES.contains(type)) {
                throw DockerError.invalidParameter("unknown object type: " + type);
            }
        }
        return DockerDocument.object(version)
                .field("LayersSize", 0)
                .field("Images", types.contains("image") ? imageUsage(version) : null)
                .field("Containers", types.contains("container") ? containerUsage(version) : null)
                .field("Volumes", types.contains("volume") ? List.of() : null)
                .field("BuildCache", types.contains("build-cache") ? List.of() : null)
                .below("1.42", "BuilderSize", 0);
    }

    @PostMapping("/containers/prune")
    DockerDocument prune(@RequestParam(required = false) String filters) {
        List<String> deleted = containers.prune(Filters.parse(filters)).stream()
                .map(Container::id).toList();
        return DockerDocument.object()
                .field("ContainersDeleted", deleted.isEmpty() ? null : deleted)
                .field("SpaceReclaimed", 0);
    }

    private List<DockerDocument> imageUsage(ApiVersion version) {
        return images.list(Filters.parse(null)).stream()
                .map(image -> imageDocuments.summary(image, images.containerCount(image), version)
                        .field("Containers", images.containerCount(image))
                        .field("SharedSize", 0))
                .toList();
    }

    private List<DockerDocument> containerUsage(ApiVersion version) {
        Instant now = Instant.now();
        return views.all().stream()
                .map(view -> ContainerDocuments.listItem(view, now, version).field("SizeRw", 0).field("SizeRootFs", 0))
                .toList();
    }
}
