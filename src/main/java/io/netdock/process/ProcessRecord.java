package io.netdock.process;

/**
 * A process as the database remembers it: its PID and its start time ({@code /proc/<pid>/stat} field 22, clock
 * ticks since boot), so a PID the kernel has since given to another process is never signalled.
 */
public record ProcessRecord(int pid, long startTicks) {

    /** True when {@code pid} still names the process that was recorded. */
    public boolean isAlive() {
        return ProcStat.startTicks(pid).map(ticks -> ticks == startTicks).orElse(false);
    }
}
