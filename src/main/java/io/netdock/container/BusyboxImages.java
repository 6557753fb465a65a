package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.image.ImageReference;
import java.util.Set;

/**
 * The images whose userland is BusyBox: Docker Hub's official {@code busybox} and {@code alpine}, any tag or digest.
 * In them {@code sh}, {@code top}, {@code ps}, {@code nslookup}, {@code ip} are BusyBox applets, so netdock runs the
 * host busybox's applet for such a command rather than the host's program of the same name (procps' {@code top}
 * exits without a terminal where BusyBox's keeps printing, as in the image). Every other image gets the host's
 * programs first.
 */
public final class BusyboxImages {

    private static final Set<String> REPOSITORIES = Set.of("library/busybox", "library/alpine");

    private BusyboxImages() {
    }

    public static boolean hasBusyboxUserland(String image) {
        if (image == null || image.isEmpty()) {
            return false;
        }
        try {
            ImageReference reference = ImageReference.parse(image);
            return reference.domain().equals("docker.io") && REPOSITORIES.contains(reference.path());
        } catch (DockerError notAReference) {
            return false;
        }
    }
}
