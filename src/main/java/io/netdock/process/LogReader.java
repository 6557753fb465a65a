package io.netdock.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a json-file log as {@code docker logs} does: rotated files oldest first, then the current one; filtered
 * by stream and time, the last {@code tail} entries; with {@code follow}, then every entry written until the log
 * closes (the process exited) or the reader's consumer fails (the client went away).
 */
public final class LogReader {

    private static final long POLL_MILLIS = 1_000;

    private LogReader() {
    }

    /**
     * @param live the open log when the process runs (followed), else null
     */
    public static void read(Path file, LogQuery query, JsonFileLog live, Consumer<LogEntry> out)
            throws InterruptedException {
        long seenRotations = live == null ? 0 : live.rotations();
        List<LogEntry> entries = new ArrayList<>();
        for (int i = maxRotated(file); i >= 1; i--) {
            readAll(JsonFileLog.rotated(file, i), 0, entries);
        }
        long offset = readAll(file, 0, entries);
        Deque<LogEntry> chosen = new ArrayDeque<>();
        for (LogEntry entry : entries) {
            if (query.wants(entry)) {
                chosen.add(entry);
                if (query.tail() >= 0 && chosen.size() > query.tail()) {
                    chosen.removeFirst();
                }
            }
        }
        chosen.forEach(out);
        if (!query.follow() || live == null) {
            return;
        }
        while (true) {
            long mark = live.written();
            boolean closed = live.isClosed();
            long rotations = live.rotations();
            List<LogEntry> fresh = new ArrayList<>();
            if (rotations != seenRotations) {
                readAll(JsonFileLog.rotated(file, 1), offset, fresh);
                offset = 0;
                seenRotations = rotations;
            }
            offset = readAll(file, offset, fresh);
            for (LogEntry entry : fresh) {
                if (query.until() != null && !entry.time().isBefore(query.until())) {
                    return;
                }
                if (query.wants(entry)) {
                    out.accept(entry);
                }
            }
            if (closed) {
                return;
            }
            live.awaitChange(mark, POLL_MILLIS);
        }
    }

    private static int maxRotated(Path file) {
        int n = 0;
        while (Files.exists(JsonFileLog.rotated(file, n + 1))) {
            n++;
        }
        return n;
    }

    /** Appends the complete lines from {@code offset} on; returns the offset after the last complete line. */
    private static long readAll(Path file, long offset, List<LogEntry> into) {
        if (!Files.exists(file)) {
            return offset;
        }
        byte[] bytes;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return length < offset ? 0 : offset;
            }
            bytes = new byte[(int) (length - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
        } catch (IOException e) {
            return offset;
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                LogEntry entry = LogLines.read(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                if (entry != null) {
                    into.add(entry);
                }
                start = i + 1;
            }
        }
        return offset + start;
    }
}
