package io.netdock.container;

import io.netdock.process.ProcessRecord;

/** What the lifecycle does when a container's process has exited (and its output was read to the end). */
interface ProcessExitHandler {

    /**
     * @param stopping the exit was asked for (stop, kill, remove, shutdown): no restart policy applies
     */
    void exited(String containerId, ProcessRecord process, int exitCode, boolean stopping);
}
