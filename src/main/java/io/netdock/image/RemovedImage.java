package io.netdock.image;

/** One line of Docker's {@code DELETE /images/{name}} answer: an untagged reference or a deleted ID. */
public record RemovedImage(String untagged, String deleted) {

    static RemovedImage untagged(String reference) {
        return new RemovedImage(reference, null);
    }

    static RemovedImage deleted(String id) {
        return new RemovedImage(null, id);
    }
}
