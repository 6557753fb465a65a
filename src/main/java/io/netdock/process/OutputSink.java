package io.netdock.process;

/** Receives a process's output as it comes, chunk by chunk, on the thread that read it. */
public interface OutputSink {

    void write(StdStream stream, byte[] data, int length);
}
