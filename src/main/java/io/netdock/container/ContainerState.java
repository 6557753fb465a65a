package io.netdock.container;

import io.netdock.process.ProcessRecord;
import java.time.Instant;

/**
 * Docker's {@code State}. Without processes a started container is {@code running} until it is stopped or killed
 * (exit code 128 + the signal); with processes ({@code netdock.processes=host}) its process's exit ends it.
 *
 * @param startedAt       null = never started (Docker's zero time)
 * @param finishedAt      null = never finished
 * @param process         the running process (PID + start time), or null
 * @param paused          frozen by {@code docker pause}
 * @param manuallyStopped dockerd's {@code HasBeenManuallyStopped}: a client stopped or signalled it since its last
 *                        start (not netdock's own shutdown), so {@code unless-stopped} does not start it with netdock
 */
public record ContainerState(Status status, int exitCode, String error, Instant startedAt, Instant finishedAt,
                             ProcessRecord process, boolean paused, boolean manuallyStopped) {

    public enum Status {
        CREATED, RUNNING, EXITED;

        public String text() {
            return name().toLowerCase();
        }
    }

    public static ContainerState created() {
        return new ContainerState(Status.CREATED, 0, "", null, null, null, false, false);
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    /** Docker's {@code HasBeenStartedBefore}: it ran at least once. */
    public boolean startedBefore() {
        return startedAt != null;
    }

    /** Docker's status word: {@code paused} for a frozen running container. */
    public String statusText() {
        return paused && isRunning() ? "paused" : status.text();
    }

    public ContainerState started(Instant now) {
        return new ContainerState(Status.RUNNING, 0, "", now, finishedAt, null, false, false);
    }

    public ContainerState withProcess(ProcessRecord running) {
        return new ContainerState(status, exitCode, error, startedAt, finishedAt, running, paused, manuallyStopped);
    }

    public ContainerState withPaused(boolean frozen) {
        return new ContainerState(status, exitCode, error, startedAt, finishedAt, process, frozen, manuallyStopped);
    }

    public ContainerState stoppedByClient() {
        return new ContainerState(status, exitCode, error, startedAt, finishedAt, process, paused, true);
    }

    public ContainerState exited(int code, Instant now) {
        return new ContainerState(Status.EXITED, code, "", startedAt, now, null, false, manuallyStopped);
    }

    /** A start that failed leaves the status as it was, with Docker's exit code 128 and the error. */
    public ContainerState failedToStart(String message) {
        return failedToStart(128, message);
    }

    /** A start that failed with the exit code runc reports (127: command not found). */
    public ContainerState failedToStart(int code, String message) {
        return new ContainerState(status, code, message, startedAt, finishedAt, null, false, manuallyStopped);
    }
}
