package io.netdock.archive;

import io.netdock.go.GoTime;
import io.netdock.go.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Docker's {@code container.PathStat}, sent base64-encoded in the {@code X-Docker-Container-Path-Stat} header:
 * {@code {"name":"hosts","size":175,"mode":420,"mtime":"2026-11-28T17:19:55.045898854Z","linkTarget":""}}.
 *
 * @param name       the base name of the path
 * @param size       bytes; 4096 for a directory, the target's length for a symlink (as {@code lstat} says)
 * @param mode       Go's {@code os.FileMode}: permission bits | {@link #MODE_DIR} | {@link #MODE_SYMLINK}
 * @param mtime      modification time (nanoseconds kept)
 * @param linkTarget the symlink's target, {@code ""} otherwise
 */
public record PathStat(String name, long size, long mode, Instant mtime, String linkTarget) {

    /** {@code os.ModeDir}. */
    public static final long MODE_DIR = 1L << 31;
    /** {@code os.ModeSymlink}. */
    public static final long MODE_SYMLINK = 1L << 27;
    /** What {@code stat} reports as a directory's size on the usual file systems. */
    public static final long DIRECTORY_SIZE = 4096;

    public static PathStat file(String name, long size, int permissions, Instant mtime) {
        return new PathStat(name, size, permissions, mtime, "");
    }

    public static PathStat directory(String name, int permissions, Instant mtime) {
        return new PathStat(name, DIRECTORY_SIZE, MODE_DIR | permissions, mtime, "");
    }

    public static PathStat symlink(String name, String target, Instant mtime) {
        return new PathStat(name, target.getBytes(StandardCharsets.UTF_8).length, MODE_SYMLINK | 0777, mtime, target);
    }

    /** The stat of a tar member, named by its base name. */
    public static PathStat of(TarEntry entry) {
        String base = ContainerArchive.baseName(entry.name());
        return switch (entry.type()) {
            case FILE -> file(base, entry.size(), entry.permissions(), entry.mtime());
            case DIRECTORY -> directory(base, entry.permissions(), entry.mtime());
            case SYMLINK -> symlink(base, entry.linkTarget(), entry.mtime());
        };
    }

    /** The JSON document, as Go's {@code json.Marshal} writes it (HTML-safe escaping, RFC 3339 nano time). */
    public String json() {
        return "{\"name\":" + JsonString.quote(name) + ",\"size\":" + size + ",\"mode\":" + mode + ",\"mtime\":"
                + JsonString.quote(GoTime.format(mtime)) + ",\"linkTarget\":" + JsonString.quote(linkTarget) + "}";
    }

    /** The {@code X-Docker-Container-Path-Stat} header value. */
    public String headerValue() {
        return Base64.getEncoder().encodeToString(json().getBytes(StandardCharsets.UTF_8));
    }
}
