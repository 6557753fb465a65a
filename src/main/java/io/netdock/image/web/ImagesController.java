package io.netdock.image.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.netdock.api.ApiVersion;
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
import java.util.Map;
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
    Map<String, Object> inspect(@PathVariable String name, HttpServletRequest request) {
        return documents.inspect(images.inspect(name), RequestedVersion.of(request));
    }

    @GetMapping("/images/json")
    List<Map<String, Object>> list(HttpServletRequest request) {
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
        List<ProgressMessage> messages = new ArrayList<>();
        messages.add(new ProgressMessage("Pulling from " + reference.path(),
                reference.digest() != null ? reference.digest() : reference.tag()));
        messages.add(new ProgressMessage("Digest: " + reference.manifestDigest(), null));
        messages.add(new ProgressMessage("Status: " + (pull.alreadyPresent() ? "Image is up to date for "
                : "Downloaded newer image for ") + reference.familiar(), null));
        StreamingResponseBody body = out -> {
            for (ProgressMessage message : messages) {
                out.write(json.writeValueAsBytes(message));
                out.write('\n');
                out.flush();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @DeleteMapping("/images/{name}")
    List<Map<String, String>> remove(@PathVariable String name, HttpServletRequest request) {
        boolean force = BoolValue.of(request.getParameter("force"));
        return images.remove(name, force).stream().map(ImagesController::asDocument).toList();
    }

    private static Map<String, String> asDocument(RemovedImage removed) {
        return removed.untagged() != null ? Map.of("Untagged", removed.untagged()) : Map.of("Deleted", removed.deleted());
    }

    /** One line of Docker's {@code jsonmessage} stream. */
    record ProgressMessage(@JsonProperty("status") String status,
                           @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_NULL) String id) {
    }

}
