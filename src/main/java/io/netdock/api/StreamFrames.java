package io.netdock.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Docker's multiplexed stream framing (stdcopy): each chunk preceded by eight bytes, the stream (0 stdin, 1 stdout,
 * 2 stderr), three zero bytes and the chunk's length as a big-endian 32-bit number. A TTY stream is raw.
 */
public final class StreamFrames {

    private StreamFrames() {
    }

    public static byte[] header(int stream, int length) {
        return new byte[] {(byte) stream, 0, 0, 0, (byte) (length >>> 24), (byte) (length >>> 16),
                (byte) (length >>> 8), (byte) length};
    }

    /** Writes one frame (or the raw bytes when {@code framed} is false) and flushes. */
    public static void write(OutputStream out, boolean framed, int stream, byte[] data, int offset, int length)
            throws IOException {
        if (length == 0) {
            return;
        }
        if (framed) {
            out.write(header(stream, length));
        }
        out.write(data, offset, length);
        out.flush();
    }
}
