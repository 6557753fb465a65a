package io.netdock.exec;

import io.netdock.process.HostProcess;

/**
 * One exec instance: created, then started once; {@code Running}, {@code ExitCode} and {@code Pid} as inspect
 * shows them. Kept in memory as dockerd keeps them.
 */
public final class ExecInstance {

    private final String id;
    private final String containerId;
    private final ExecConfig config;
    private boolean started;
    private HostProcess process;
    private Integer exitCode;
    private int pid;

    ExecInstance(String id, String containerId, ExecConfig config) {
        this.id = id;
        this.containerId = containerId;
        this.config = config;
    }

    public String id() {
        return id;
    }

    public String containerId() {
        return containerId;
    }

    public ExecConfig config() {
        return config;
    }

    public synchronized boolean isRunning() {
        return process != null && exitCode == null;
    }

    public synchronized Integer exitCode() {
        return exitCode;
    }

    public synchronized int pid() {
        return pid;
    }

    /** Claims the one start; false when it already started. */
    synchronized boolean claimStart() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    synchronized void running(HostProcess running) {
        this.process = running;
        this.pid = running.pid();
    }

    synchronized void exited(int code) {
        this.exitCode = code;
    }

    synchronized HostProcess process() {
        return process;
    }
}
