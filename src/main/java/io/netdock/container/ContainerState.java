package io.netdock.container;

import io.netdock.process.ProcessRecord;
import java.time.Instant;

/**
 * Docker's {@code State}. Without processes a started container is {@code running} until it is stopped or killed
 * (exit code 128 + the signal); with processes ({@code netdock.processes=host}) its process's exit ends it.
 *
 * @param startedAt  null = never started (Docker's zero time)
 * @param finishedAt null = never finished
 * @param process    the running process (PID + start time), or null
 * @param paused     frozen by {@code docker pause}
 */
public record ContainerState(Status status, int exitCode, String error, Instant startedAt, Instant finishedAt,
                             ProcessRecord process, boolean paused) {

    public enum Status {
        CREATED, RUNNING, EXITED;

        public String text() {
            return name().toLowerCase();
        }
    }

    public static ContainerState created() {
        return new ContainerState(Status.CREATED, 0, "", null, null, null, false);
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    /** Docker's status word: {@code paused} for a frozen running container. */
    public String statusText() {
        return paused && isRunning() ? "paused" : status.text();
    }

    public ContainerState started(Instant now) {
        return new ContainerState(Status.RUNNING, 0, "", now, finishedAt, null, false);
    }

    public ContainerState withProcess(ProcessRecord running) {
        return new ContainerState(status, exitCode, error, startedAt, finishedAt, running, paused);
    }

    public ContainerState withPaused(boolean frozen) {
        return new ContainerState(status, exitCode, error, startedAt, finishedAt, process, frozen);
    }

    public ContainerState exited(int code, Instant now) {
        return new ContainerState(Status.EXITED, code, "", startedAt, now, null, false);
    }

    /** A start that failed leaves the status as it was, with Docker's exit code 128 and the error. */
    public ContainerState failedToStart(String message) {
        return failedToStart(128, message);
    }

    /** A start that failed with the exit code runc reports (127: command not found). */
    public ContainerState failedToStart(int code, String message) {
        return new ContainerState(status, code, message, startedAt, finishedAt, null, false);
    }
}
