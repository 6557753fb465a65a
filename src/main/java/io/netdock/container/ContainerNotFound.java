package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** {@code No such container: x} (404). */
public class ContainerNotFound extends DockerError {

    public ContainerNotFound(String reference) {
        super(ErrorCategory.NOT_FOUND, "No such container: " + reference);
    }
}
