package io.netdock.image;

/** The outcome of an emulated pull: the image, and whether it was already there. */
public record PullResult(Image image, boolean alreadyPresent) {
}
