package io.netdock.process;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/**
 * Whether this daemon runs container processes, and the one wording for what needs them when it does not.
 *
 * @param enabled {@code netdock.processes=host} in linux mode
 */
public record ProcessMode(boolean enabled) {

    /** How to turn processes on, appended to every refusal. */
    public static final String HOW_TO_ENABLE =
            "start netdock with --netdock.kernel.mode=linux --netdock.processes=host to run container processes";

    /**
     * Docker's answer for a feature the daemon lacks (501, like a daemon built without it), naming the setting:
     * {@code what} is e.g. "exec" or "logs".
     */
    public DockerError unsupported(String what) {
        return new DockerError(ErrorCategory.NOT_IMPLEMENTED, what + " is not supported: containers run no process "
                + "in this netdock (netdock.processes=none); " + HOW_TO_ENABLE);
    }

    /** The line a client attached to a process-less container reads. */
    public static String noProcessLine() {
        return "netdock: this container runs no process (netdock.processes=none) and stays running until stopped; "
                + HOW_TO_ENABLE + "\n";
    }
}
