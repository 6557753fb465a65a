package io.netdock.container;

import io.netdock.error.DockerError;

/**
 * Docker's {@code HostConfig.RestartPolicy}: {@code no}, {@code on-failure[:N]}, {@code always},
 * {@code unless-stopped}; checked at create with dockerd's wording, applied when a process exits on its own.
 */
record RestartPolicy(String name, int maximumRetryCount) {

    static RestartPolicy of(HostSettings host) {
        String name = host.restartPolicy() == null || host.restartPolicy().isEmpty() ? "no" : host.restartPolicy();
        return new RestartPolicy(name, host.maximumRetryCount());
    }

    /** dockerd's {@code ValidateRestartPolicy} and its AutoRemove check. */
    void validate(boolean autoRemove) {
        switch (name) {
            case "no", "always", "unless-stopped" -> {
                if (maximumRetryCount != 0) {
                    throw DockerError.invalidParameter("maximum retry count cannot be used with restart policy '"
                            + name + "'");
                }
            }
            case "on-failure" -> {
                if (maximumRetryCount < 0) {
                    throw DockerError.invalidParameter("maximum retry count cannot be negative");
                }
            }
            default -> throw DockerError.invalidParameter("invalid restart policy '" + name + "'");
        }
        if (autoRemove && !name.equals("no")) {
            throw DockerError.invalidParameter("can't create 'AutoRemove' container with restart policy");
        }
    }

    /**
     * dockerd's {@code RestartManager.ShouldRestart}: {@code always} restarts, {@code unless-stopped} unless a client
     * stopped it ({@code manuallyStopped}), {@code on-failure} after a non-zero exit while retries remain
     * ({@code restartCount} is how often it already restarted). Asked after an exit nobody asked for, and by
     * dockerd's restore at daemon start for each container that ran before.
     */
    boolean restarts(int exitCode, int restartCount, boolean manuallyStopped) {
        return switch (name) {
            case "always" -> true;
            case "unless-stopped" -> !manuallyStopped;
            case "on-failure" -> exitCode != 0 && (maximumRetryCount == 0 || restartCount < maximumRetryCount);
            default -> false;
        };
    }
}
