package io.netdock.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The archive {@code GET /containers/{id}/archive?path=...} answers: for a file, one member named by its base
 * name; for a directory, the directory itself ({@code etc/}) and its children under that name
 * ({@code etc/hosts}), in the lexical order of Go's {@code filepath.Walk}.
 */
public final class ContainerArchive {

    private ContainerArchive() {
    }

    /** The archive of one file, e.g. {@code singleFile(TarEntry.file("/etc/hosts", hosts, mtime))}. */
    public static byte[] singleFile(TarEntry file) {
        return TarWriter.write(List.of(file.renamed(baseName(file.name()))));
    }

    /**
     * The archive of a directory: {@code directory("/etc", mtime, List.of(TarEntry.file("hosts", ...),
     * TarEntry.symlink("mtab", "/proc/mounts", mtime)))} gives {@code etc/}, {@code etc/hosts}, {@code etc/mtab}.
     * Children are named relative to the directory.
     */
    public static byte[] directory(String path, Instant mtime, List<TarEntry> children) {
        String base = baseName(path);
        List<TarEntry> entries = new ArrayList<>();
        entries.add(TarEntry.directory(base, mtime));
        children.stream().sorted(Comparator.comparing(TarEntry::name))
                .forEach(child -> entries.add(child.renamed(base + "/" + child.name())));
        return TarWriter.write(entries);
    }

    /** The last path element, ignoring trailing slashes ({@code /etc/} → {@code etc}). */
    public static String baseName(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 || trimmed.equals("/") ? trimmed : trimmed.substring(slash + 1);
    }
}
