package io.netdock.process;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** The command is neither on the container's {@code PATH} nor a busybox applet: runc's wording, 400. */
public class CommandNotFound extends DockerError {

    public CommandNotFound(String command, String why) {
        super(ErrorCategory.INVALID_PARAMETER, "failed to create task for container: unable to start container "
                + "process: exec: \"" + command + "\": " + why);
    }
}
