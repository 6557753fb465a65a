package io.netdock.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** One member of a tar stream: a regular file, a directory or a symbolic link, owned by root. */
public final class TarEntry {

    /** The member kinds dockerd sends, with the tar type flag and the {@code S_IF*} bits of the mode field. */
    public enum Type {
        FILE('0', 0100000),
        DIRECTORY('5', 0040000),
        SYMLINK('2', 0120000);

        final char flag;
        final int modeBits;

        Type(char flag, int modeBits) {
            this.flag = flag;
            this.modeBits = modeBits;
        }
    }

    private final String name;
    private final Type type;
    private final int permissions;
    private final byte[] content;
    private final String linkTarget;
    private final Instant mtime;

    private TarEntry(String name, Type type, int permissions, byte[] content, String linkTarget, Instant mtime) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.permissions = permissions;
        this.content = content;
        this.linkTarget = linkTarget;
        this.mtime = Objects.requireNonNull(mtime, "mtime");
    }

    /** A regular file with mode 0644. */
    public static TarEntry file(String name, String content, Instant mtime) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644, mtime);
    }

    public static TarEntry file(String name, byte[] content, int permissions, Instant mtime) {
        return new TarEntry(name, Type.FILE, permissions, content.clone(), "", mtime);
    }

    /** A directory with mode 0755; {@code name} gets the trailing slash tar uses for directories. */
    public static TarEntry directory(String name, Instant mtime) {
        return new TarEntry(name.endsWith("/") ? name : name + "/", Type.DIRECTORY, 0755, new byte[0], "", mtime);
    }

    /** A symbolic link with mode 0777, e.g. {@code etc/mtab -> /proc/mounts}. */
    public static TarEntry symlink(String name, String target, Instant mtime) {
        return new TarEntry(name, Type.SYMLINK, 0777, new byte[0], target, mtime);
    }

    /** The same member under another name (used to put a directory's children under its base name). */
    public TarEntry renamed(String newName) {
        String renamed = type == Type.DIRECTORY && !newName.endsWith("/") ? newName + "/" : newName;
        return new TarEntry(renamed, type, permissions, content, linkTarget, mtime);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public int permissions() {
        return permissions;
    }

    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    byte[] rawContent() {
        return content;
    }

    public String linkTarget() {
        return linkTarget;
    }

    public Instant mtime() {
        return mtime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TarEntry other && name.equals(other.name) && type == other.type
                && permissions == other.permissions && Arrays.equals(content, other.content)
                && linkTarget.equals(other.linkTarget) && mtime.equals(other.mtime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, permissions, Arrays.hashCode(content), linkTarget, mtime);
    }

    @Override
    public String toString() {
        return type + " " + name + (linkTarget.isEmpty() ? "" : " -> " + linkTarget) + " (" + content.length + " bytes)";
    }
}
