package io.netdock.image.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.api.RequestedVersion;
import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import io.netdock.filters.Filters;
import io.netdock.go.BoolValue;
import io.netdock.image.Image;
import io.netdock.image.ImageReference;
import io.netdock.image.ImageService;
import io.netdock.image.PullResult;
import io.netdock.image.RemovedImage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** The image endpoints SDKs and the CLI touch around containers: inspect, list, pull, remove. */
@RestController
class ImagesController {

    private final ImageService images;
    private final ImageDocuments documents;
    private final JsonMapper json;

    ImagesController(ImageService images, ImageDocuments documents, JsonMapper json) {
        this.images = images;
        this.documents = documents;
        this.json = json;
    }

    @GetMapping("/images/{name}/json")
    DockerDocument inspect(@PathVariable String name, HttpServletRequest request) {
        return documents.inspect(images.inspect(name), RequestedVersion.of(request));
    }

    @GetMapping("/images/json")
    List<DockerDocument> list(HttpServletRequest request) {
        ApiVersion version = RequestedVersion.of(request);
        return images.list(Filters.parse(request.getParameter("filters"))).stream()
                .map(image -> documents.summary(image, images.containerCount(image), version)).toList();
    }

    /**
     * {@code docker pull}: Docker's JSON progress stream, without layers (nothing is downloaded), ending in
     * {@code Status: Downloaded newer image for ...} or {@code Status: Image is up to date for ...}.
     */
    @PostMapping("/images/create")
    ResponseEntity<StreamingResponseBody> create(HttpServletRequest request) {
        String fromImage = request.getParameter("fromImage");
        if (fromImage == null || fromImage.isEmpty()) {
            throw new DockerError(ErrorCategory.NOT_IMPLEMENTED,
                    "netdock emulates images and cannot import them: use fromImage to pull");
        }
        PullResult pull = images.pull(fromImage, request.getParameter("tag"));
        ImageReference reference = pull.image().reference();
        List<DockerDocument> messages = new ArrayList<>();
        messages.add(progress("Pulling from " + reference.path(),
                reference.digest() != null ? reference.digest() : reference.tag()));
        messages.add(progress("Digest: " + reference.manifestDigest(), null));
        messages.add(progress("Status: " + (pull.alreadyPresent() ? "Image is up to date for "
                : "Downloaded newer image for ") + reference.familiar(), null));
        StreamingResponseBody body = out -> {
            for (DockerDocument message : messages) {
                out.write(json.writeValueAsBytes(message));
                out.write('\n');
                out.flush();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @DeleteMapping("/images/{name}")
    List<DockerDocument> remove(@PathVariable String name, HttpServletRequest request) {
        boolean force = BoolValue.of(request.getParameter("force"));
        return images.remove(name, force).stream().map(ImagesController::asDocument).toList();
    }

    /** {@code docker image prune [-a]}: {@code ImagesDeleted} is null when nothing was deleted, as on Docker. */
    @PostMapping("/images/prune")
    DockerDocument prune(HttpServletRequest request) {
        List<DockerDocument> deleted = images.prune(Filters.parse(request.getParameter("filters"))).stream()
                .map(ImagesController::asDocument).toList();
        return DockerDocument.object().field("ImagesDeleted", deleted.isEmpty() ? null : deleted)
                .field("SpaceReclaimed", 0);
    }

    /** Docker's {@code image.DeleteResponse}: both fields {@code omitempty}. */
    private static DockerDocument asDocument(RemovedImage removed) {
        return DockerDocument.object().omitEmpty("Untagged", removed.untagged()).omitEmpty("Deleted", removed.deleted());
    }

    /** One line of Docker's {@code jsonmessage} stream ({@code id} is {@code omitempty}). */
    private static DockerDocument progress(String status, String id) {
        return DockerDocument.object().field("status", status).omitEmpty("id", id);
    }

}
