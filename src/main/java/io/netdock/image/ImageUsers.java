package io.netdock.image;

import java.util.List;

/**
 * Port to the container module (read through {@code ObjectProvider}; no bean means no users): which
 * containers were created from an image, so removing it can refuse like Docker and listing can count them.
 */
public interface ImageUsers {

    /** IDs of the containers whose image is {@code imageId}. */
    List<String> containersUsing(String imageId);
}
