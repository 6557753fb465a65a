package io.netdock.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One cgroup v1 freezer group per container ({@code /sys/fs/cgroup/freezer/netdock/<id>}): every process the
 * container starts joins it, so pause/unpause freeze them all, {@code docker top} lists them, and the ones left
 * behind when the main process exits (or after a crash) are found and killed. Absent when the host has no v1
 * freezer; pause then answers Docker's error and only the main process is tracked.
 */
final class Freezer {

    private static final Path ROOT = Path.of("/sys/fs/cgroup/freezer");

    private Freezer() {
    }

    static boolean available() {
        return Files.isWritable(ROOT.resolve("cgroup.procs"));
    }

    private static Path group(String owner) {
        return ROOT.resolve("netdock").resolve(owner);
    }

    /** Creates the group; the file a process writes its PID to, or empty without a freezer. */
    static Optional<Path> prepare(String owner) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(group(owner));
            return Optional.of(group(owner).resolve("cgroup.procs"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The PIDs in the group, oldest first as the kernel lists them. */
    static List<Integer> pids(String owner) {
        List<Integer> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(group(owner).resolve("cgroup.procs"))) {
                if (!line.isBlank()) {
                    pids.add(Integer.parseInt(line.strip()));
                }
            }
        } catch (IOException | RuntimeException none) {
            return List.of();
        }
        return pids;
    }

    static boolean freeze(String owner, boolean frozen) {
        Path state = group(owner).resolve("freezer.state");
        try {
            Files.writeString(state, frozen ? "FROZEN" : "THAWED");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean isFrozen(String owner) {
        try {
            return Files.readString(group(owner).resolve("freezer.state")).strip().equals("FROZEN");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Removes the (empty) group; best effort. */
    static void remove(String owner) {
        try {
            Files.deleteIfExists(group(owner));
        } catch (IOException | RuntimeException stillBusy) {
            // a process is still leaving; the next start of this container reuses the group
        }
    }
}
