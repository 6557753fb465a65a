package io.netdock.image;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import io.netdock.events.EventLog;
import io.netdock.filters.Filters;
import io.netdock.filters.PruneFilters;
import io.netdock.go.PathMatch;
import io.netdock.store.ResourceLocks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Emulated images. netdock runs no processes, so every well-formed reference is available: inspecting or
 * pulling it records it in the catalogue (which {@code GET /images/json} lists) without any network access.
 * IDs are derived from the normalised reference, so the same reference always yields the same image.
 */
@Service
public class ImageService {

    private static final Set<String> LIST_FILTERS = Set.of("dangling", "label", "before", "since", "reference");
    private static final Pattern HEX = Pattern.compile("[a-f0-9]{1,64}");

    private final Images images;
    private final EventLog events;
    private final ResourceLocks locks;
    private final ObjectProvider<ImageUsers> users;
    private final Clock clock;

    @Autowired
    ImageService(Images images, EventLog events, ResourceLocks locks, ObjectProvider<ImageUsers> users) {
        this(images, events, locks, users, Clock.systemUTC());
    }

    ImageService(Images images, EventLog events, ResourceLocks locks, ObjectProvider<ImageUsers> users, Clock clock) {
        this.images = images;
        this.events = events;
        this.locks = locks;
        this.users = users;
        this.clock = clock;
    }

    /**
     * {@code GET /images/{name}/json}: an image of the catalogue (pulled or used by a container) by ID, full or
     * short, or by reference; anything else is {@link NoSuchImage}, as on Docker, so {@code docker inspect x}
     * reports "No such object" for a name that is nothing, and clients that inspect before they pull do pull.
     */
    public Image inspect(String nameOrId) {
        return existing(nameOrId);
    }

    /**
     * For the container module: the image a container is created from, a known one or any other well-formed
     * reference, which becomes a new emulated image in the catalogue (containers never wait for a pull).
     */
    public Image use(String nameOrId) {
        Optional<String> id = ImageReference.asImageId(nameOrId);
        if (id.isPresent()) {
            return byId(id.get()).orElseThrow(() -> new NoSuchImage(id.get()));
        }
        ImageReference reference = ImageReference.parse(nameOrId).withDefaultTag();
        return images.find(reference).or(() -> byShortId(nameOrId)).orElseGet(() -> remember(reference));
    }

    /** {@code POST /images/create?fromImage=&tag=}: records the image and tells whether it was new. */
    public PullResult pull(String fromImage, String tag) {
        ImageReference reference = ImageReference.parse(fromImage.endsWith(":")
                ? fromImage.substring(0, fromImage.length() - 1) : fromImage).withTagOrDigest(tag).withDefaultTag();
        return locks.catalogue(() -> {
            Optional<Image> existing = images.find(reference);
            Image image = existing.orElseGet(() -> images.addIfAbsent(reference, clock.instant()));
            events.publish("image", "pull", reference.familiar(), Map.of("name", reference.familiarName()));
            return new PullResult(image, existing.isPresent());
        });
    }

    /** {@code GET /images/json}: the catalogue, newest first, filtered like Docker. */
    public List<Image> list(Filters filters) {
        filters.accept(LIST_FILTERS);
        Predicate<Image> keep = image -> true;
        if (filters.has("dangling")) {
            Set<String> values = filters.get("dangling");
            boolean dangling = values.contains("true") || values.contains("1");
            if (!Set.of("true", "1", "false", "0").containsAll(values)) {
                throw DockerError.invalidParameter("invalid filter 'dangling=" + values.stream().toList() + "'");
            }
            // Every emulated image is tagged (or pinned by digest): none is dangling.
            keep = keep.and(image -> !dangling);
        }
        if (filters.has("label")) {
            keep = keep.and(image -> filters.matchesLabels("label", Map.of()));
        }
        if (filters.has("before")) {
            Instant before = filters.get("before").stream().map(this::existing).map(Image::created)
                    .min(Instant::compareTo).orElseThrow();
            keep = keep.and(image -> image.created().isBefore(before));
        }
        if (filters.has("since")) {
            Instant since = filters.get("since").stream().map(this::existing).map(Image::created)
                    .max(Instant::compareTo).orElseThrow();
            keep = keep.and(image -> image.created().isAfter(since));
        }
        if (filters.has("reference")) {
            List<Pattern> patterns = filters.get("reference").stream().map(PathMatch::pattern).toList();
            keep = keep.and(image -> patterns.stream().anyMatch(pattern ->
                    pattern.matcher(image.reference().familiarName()).matches()
                            || pattern.matcher(image.reference().familiar()).matches()));
        }
        return images.all().stream().filter(keep).toList();
    }

    /** How many containers use the image (0 without a container module). */
    public int containerCount(Image image) {
        ImageUsers registered = users.getIfAvailable();
        return registered == null ? 0 : registered.containersUsing(image.id()).size();
    }

    /**
     * {@code POST /images/prune}: every emulated image is tagged, so the default ({@code dangling=true}) prunes
     * nothing; {@code dangling=false} ({@code docker image prune -a}) removes the images no container uses.
     */
    public List<RemovedImage> prune(Filters filters) {
        PruneFilters matcher = PruneFilters.of(filters, clock.instant(), Set.of("dangling"));
        boolean danglingOnly = true;
        if (filters.has("dangling")) {
            Set<String> values = filters.get("dangling");
            if (values.size() > 1 || !Set.of("true", "1", "false", "0").containsAll(values)) {
                throw DockerError.invalidParameter("invalid filter 'dangling=" + String.join(",", values) + "'");
            }
            danglingOnly = values.contains("true") || values.contains("1");
        }
        if (danglingOnly) {
            return List.of();
        }
        ImageUsers registered = users.getIfAvailable();
        return locks.catalogue(() -> {
            List<RemovedImage> removed = new ArrayList<>();
            for (Image image : images.all()) {
                boolean used = registered != null && !registered.containersUsing(image.id()).isEmpty();
                if (!used && matcher.matches(image.created(), Map.of())) {
                    removed.addAll(delete(image));
                }
            }
            events.publish("image", "prune", "", Map.of("reclaimed", "0"));
            return removed;
        });
    }

    /** {@code DELETE /images/{name}}: untags the reference and deletes the emulated image. */
    public List<RemovedImage> remove(String nameOrId, boolean force) {
        return locks.catalogue(() -> {
            Optional<String> id = ImageReference.asImageId(nameOrId);
            boolean byId = id.isPresent();
            Image image;
            if (byId) {
                image = byId(id.get()).orElseThrow(() -> new NoSuchImage(id.get()));
            } else {
                ImageReference reference = ImageReference.parse(nameOrId).withDefaultTag();
                Optional<Image> found = images.find(reference);
                byId = found.isEmpty();
                image = found.or(() -> byShortId(nameOrId)).orElseThrow(() -> new NoSuchImage(reference.familiar()));
            }
            refuseWhileUsed(image, byId, force);
            return delete(image);
        });
    }

    private List<RemovedImage> delete(Image image) {
        images.remove(image.reference());
        events.publish("image", "untag", image.id(), Map.of("name", image.id()));
        events.publish("image", "delete", image.id(), Map.of("name", image.id()));
        return List.of(RemovedImage.untagged(image.reference().familiar()), RemovedImage.deleted(image.id()));
    }

    private void refuseWhileUsed(Image image, boolean byId, boolean force) {
        ImageUsers registered = users.getIfAvailable();
        List<String> using = registered == null ? List.of() : registered.containersUsing(image.id());
        if (using.isEmpty() || force) {
            return;
        }
        String container = using.get(0).substring(0, Math.min(12, using.get(0).length()));
        String message = byId
                ? "conflict: unable to delete " + image.shortId() + " (must be forced) - image is being used by "
                        + "stopped container " + container
                : "conflict: unable to remove repository reference \"" + image.reference().familiar()
                        + "\" (must force) - container " + container + " is using its referenced image "
                        + image.shortId();
        throw new DockerError(ErrorCategory.CONFLICT, message);
    }

    private Image existing(String nameOrId) {
        Optional<String> id = ImageReference.asImageId(nameOrId);
        if (id.isPresent()) {
            return byId(id.get()).orElseThrow(() -> new NoSuchImage(id.get()));
        }
        ImageReference reference = ImageReference.parse(nameOrId).withDefaultTag();
        return images.find(reference).or(() -> byShortId(nameOrId))
                .orElseThrow(() -> new NoSuchImage(reference.familiar()));
    }

    private Image remember(ImageReference reference) {
        return locks.catalogue(() -> images.addIfAbsent(reference, clock.instant()));
    }

    private Optional<Image> byId(String id) {
        return images.findByIdPrefix(id).stream().filter(image -> image.id().equals(id)).findFirst();
    }

    /** A hex string that is the start of exactly one known image's ID. */
    private Optional<Image> byShortId(String text) {
        if (!HEX.matcher(text).matches()) {
            return Optional.empty();
        }
        List<Image> candidates = images.findByIdPrefix(text);
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
