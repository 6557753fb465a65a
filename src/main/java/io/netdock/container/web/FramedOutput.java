package io.netdock.container.web;

import io.netdock.api.StreamFrames;
import io.netdock.process.OutputSink;
import io.netdock.process.StdStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An attached client's side of a process's output: chosen streams written as frames (or raw for a TTY), one
 * writer at a time. A client that went away is dropped silently: the process and its log go on.
 */
public final class FramedOutput implements OutputSink {

    private OutputStream out;
    private java.io.ByteArrayOutputStream early = new java.io.ByteArrayOutputStream();
    private final boolean framed;
    private final boolean stdout;
    private final boolean stderr;
    private volatile boolean broken;
    private volatile Runnable onBroken = () -> { };

    /** Output that arrives before the connection is open is kept until {@link #connect}. */
    public FramedOutput(boolean framed, boolean stdout, boolean stderr) {
        this.framed = framed;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public void write(StdStream stream, byte[] data, int length) {
        if (broken || (stream == StdStream.STDOUT ? !stdout : !stderr)) {
            return;
        }
        synchronized (this) {
            if (broken) {
                return;
            }
            try {
                StreamFrames.write(out != null ? out : early, framed, stream.number(), data, 0, length);
                return;
            } catch (IOException | RuntimeException gone) {
                broken = true;
            }
        }
        onBroken.run();
    }

    /** Runs {@code action} once a write fails (the client went away): its stream is to be ended. */
    public void whenBroken(Runnable action) {
        this.onBroken = action;
        if (broken) {
            action.run();
        }
    }

    /** The connection is open: what came early goes first. */
    public void connect(OutputStream connection) {
        synchronized (this) {
            try {
                connection.write(early.toByteArray());
                connection.flush();
                early = null;
                out = connection;
                return;
            } catch (IOException | RuntimeException gone) {
                broken = true;
                early = null;
                out = connection;
            }
        }
        onBroken.run();
    }
}
