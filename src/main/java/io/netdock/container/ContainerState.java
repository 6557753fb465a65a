package io.netdock.container;

import java.time.Instant;

/**
 * Docker's {@code State}. There is no process: a started container is {@code running} until it is stopped or
 * killed; its exit code is then 128 + the signal that ended it.
 *
 * @param startedAt  null = never started (Docker's zero time)
 * @param finishedAt null = never finished
 */
public record ContainerState(Status status, int exitCode, String error, Instant startedAt, Instant finishedAt) {

    public enum Status {
        CREATED, RUNNING, EXITED;

        public String text() {
            return name().toLowerCase();
        }
    }

    public static ContainerState created() {
        return new ContainerState(Status.CREATED, 0, "", null, null);
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    public ContainerState started(Instant now) {
        return new ContainerState(Status.RUNNING, 0, "", now, finishedAt);
    }

    public ContainerState exited(int code, Instant now) {
        return new ContainerState(Status.EXITED, code, "", startedAt, now);
    }

    /** A start that failed leaves the status as it was, with Docker's exit code 128 and the error. */
    public ContainerState failedToStart(String message) {
        return new ContainerState(status, 128, message, startedAt, finishedAt);
    }
}
