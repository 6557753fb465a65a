package io.netdock.image;

import io.netdock.system.ImageCount;
import org.springframework.stereotype.Component;

/** {@code /info}'s {@code Images}: distinct image IDs in the catalogue, as dockerd counts images. */
@Component
class CatalogImageCount implements ImageCount {

    private final Images images;

    CatalogImageCount(Images images) {
        this.images = images;
    }

    @Override
    public int images() {
        return images.countDistinct();
    }
}
