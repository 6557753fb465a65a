package io.netdock.container;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Container processes across netdock's own life: at start (after the kernel was reconciled, before the listeners
 * open) the processes a killed netdock left are found by PID and start time, stopped, and their containers marked
 * exited and restarted by policy; at a clean shutdown (after the listeners closed) every process gets its stop
 * sequence.
 */
@Component
class ProcessLifecycle implements SmartLifecycle {

    /** After {@link ContainerStartup} (phase 0), before the web server. */
    private static final int AFTER_RECONCILE = 1;

    private final ContainerService containers;
    private volatile boolean running;

    ProcessLifecycle(ContainerService containers) {
        this.containers = containers;
    }

    @Override
    public void start() {
        containers.recoverProcesses();
        running = true;
    }

    @Override
    public void stop() {
        containers.shutDown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return AFTER_RECONCILE;
    }
}
