package io.netdock.image;

import java.time.Instant;

/**
 * An emulated image: one reference, an ID derived from it, and when netdock first saw it. It has no layers,
 * no size and no config beyond Docker's empty defaults.
 */
public record Image(String id, ImageReference reference, Instant created) {

    public String shortId() {
        return id.substring("sha256:".length(), "sha256:".length() + 12);
    }
}
