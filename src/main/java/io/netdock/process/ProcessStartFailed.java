package io.netdock.process;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** The host refused to start the process (fork, namespaces, a working directory or user that does not exist). */
public class ProcessStartFailed extends DockerError {

    public ProcessStartFailed(String message) {
        super(ErrorCategory.SYSTEM, "failed to create task for container: unable to start container process: "
                + message);
    }
}
