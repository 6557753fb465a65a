package io.netdock.image;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** Docker's {@code No such image: busybox:latest} (404). */
public class NoSuchImage extends DockerError {

    public NoSuchImage(String shown) {
        super(ErrorCategory.NOT_FOUND, "No such image: " + shown);
    }
}
