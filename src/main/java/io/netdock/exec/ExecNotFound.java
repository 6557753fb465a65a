package io.netdock.exec;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** {@code No such exec instance: x} (404). */
public class ExecNotFound extends DockerError {

    public ExecNotFound(String id) {
        super(ErrorCategory.NOT_FOUND, "No such exec instance: " + id);
    }
}
