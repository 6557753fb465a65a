package io.netdock.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A started process: its record, its stdin (when open) and its exit. {@link #exited} completes with the exit
 * code (128 + signal for a signal) only once its output has been read to the end, so whoever waits for it has
 * seen every byte.
 */
public final class HostProcess {

    private static final long DRAIN_MILLIS = 5_000;

    private final Process process;
    private final ProcessRecord record;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final Thread stdout;
    private final Thread stderr;

    private HostProcess(Process process, ProcessRecord record, OutputSink sink, Runnable afterExit) {
        this.process = process;
        this.record = record;
        this.stdout = pump(process.getInputStream(), StdStream.STDOUT, sink);
        this.stderr = pump(process.getErrorStream(), StdStream.STDERR, sink);
        process.onExit().thenRun(() -> {
            afterExit.run();
            join(stdout);
            join(stderr);
            exited.complete(process.exitValue());
        });
    }

    static HostProcess started(Process process, OutputSink sink, Runnable afterExit) {
        int pid = (int) process.pid();
        long ticks = ProcStat.startTicks(pid).orElse(0L);
        return new HostProcess(process, new ProcessRecord(pid, ticks), sink, afterExit);
    }

    public ProcessRecord record() {
        return record;
    }

    public int pid() {
        return record.pid();
    }

    /** The process's stdin; writing to a process started without an open stdin fails. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the process has exited
        }
    }

    public boolean isAlive() {
        return !exited.isDone();
    }

    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** Waits for the exit; false when {@code millis} passed first. */
    public boolean awaitExit(long millis) {
        return await(exited, millis);
    }

    /** Waits for {@code done} (an exit, or its handling); false when {@code millis} passed first or on interrupt. */
    public static boolean await(java.util.concurrent.Future<?> done, long millis) {
        try {
            done.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException impossible) {
            return true;
        }
    }

    private static Thread pump(InputStream from, StdStream stream, OutputSink sink) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                int n;
                while ((n = from.read(buffer)) > 0) {
                    sink.write(stream, buffer, n);
                }
            } catch (IOException | RuntimeException closed) {
                // the process is gone or a sink failed; the other sinks had their chance
            }
        }, "netdock-" + stream.text());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread pump) {
        try {
            pump.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
