package io.netdock.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A container's log in Docker's json-file format ({@code <dir>/<id>-json.log}, rotated to {@code .1}, {@code .2}
 * … by {@code max-size}/{@code max-file}): output is cut into lines, one entry per line, a line longer than 16 KiB
 * in several entries as dockerd does. Followers wait on it for new entries ({@link #awaitChange}).
 */
public final class JsonFileLog implements OutputSink {

    /** dockerd's largest log message; a longer line becomes several entries. */
    private static final int MAX_ENTRY = 16 * 1024;

    private final Path file;
    private final LogSettings settings;
    private final Clock clock;
    private final Map<StdStream, ByteArrayOutputStream> partial = new EnumMap<>(StdStream.class);
    private OutputStream out;
    private long size;
    private long rotations;
    private long written;
    private boolean closed;

    private JsonFileLog(Path file, LogSettings settings, Clock clock) {
        this.file = file;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens (appends to) the log of {@code id} in {@code directory}. */
    public static JsonFileLog open(Path directory, String id, LogSettings settings, Clock clock) {
        JsonFileLog log = new JsonFileLog(fileOf(directory, id), settings, clock);
        try {
            Files.createDirectories(directory);
            log.out = Files.newOutputStream(log.file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            log.size = Files.size(log.file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }

    public static Path fileOf(Path directory, String id) {
        return directory.resolve(id + "-json.log");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void write(StdStream stream, byte[] data, int length) {
        ByteArrayOutputStream pending = partial.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (data[i] == '\n') {
                pending.write(data, start, i + 1 - start);
                emit(stream, pending);
                start = i + 1;
            } else if (pending.size() + (i - start) >= MAX_ENTRY) {
                pending.write(data, start, i - start);
                emit(stream, pending);
                start = i;
            }
        }
        pending.write(data, start, length - start);
        notifyAll();
    }

    /** Writes what is left of unfinished lines and tells followers that no more will come. */
    public synchronized void close() {
        partial.forEach((stream, pending) -> {
            if (pending.size() > 0) {
                emit(stream, pending);
            }
        });
        closed = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing more to write
        }
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Waits until an entry is written, the log rotates or closes, or {@code millis} pass. */
    synchronized void awaitChange(long seenWritten, long millis) throws InterruptedException {
        if (written == seenWritten && !closed) {
            wait(millis);
        }
    }

    synchronized long written() {
        return written;
    }

    synchronized long rotations() {
        return rotations;
    }

    private void emit(StdStream stream, ByteArrayOutputStream pending) {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        byte[] line = LogLines.write(new LogEntry(stream, text, Instant.now(clock))).getBytes(StandardCharsets.UTF_8);
        try {
            if (settings.maxSize() > 0 && size > 0 && size + line.length > settings.maxSize()) {
                rotate();
            }
            out.write(line);
            out.flush();
            size += line.length;
            written++;
        } catch (IOException e) {
            // a full disk loses log lines, as with dockerd; the process keeps running
        }
    }

    private void rotate() throws IOException {
        out.close();
        if (settings.maxFiles() > 1) {
            Files.deleteIfExists(rotated(file, settings.maxFiles() - 1));
            for (int i = settings.maxFiles() - 2; i >= 1; i--) {
                if (Files.exists(rotated(file, i))) {
                    Files.move(rotated(file, i), rotated(file, i + 1));
                }
            }
            Files.move(file, rotated(file, 1));
        }
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        size = 0;
        rotations++;
    }

    static Path rotated(Path file, int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}
