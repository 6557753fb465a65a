package io.netdock.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One cgroup per container, {@code <base>/<id>}: every process the container starts joins it, so pause/unpause
 * freeze them all, {@code docker top} lists them, and the ones left behind when the main process exits (or after
 * a crash) are found and killed. Two kinds, as runc has: the cgroup v1 freezer ({@code freezer.state},
 * {@code /sys/fs/cgroup/freezer/netdock}) and the cgroup v2 core freezer ({@code cgroup.freeze},
 * {@code /sys/fs/cgroup/netdock} on a v2-only host). A host with neither has none: pause then answers Docker's
 * error and only the main process is tracked.
 */
final class Freezer {

    /** How long a v2 freeze may take to reach every process before pause gives up (runc waits likewise). */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    enum Kind {
        V1, V2
    }

    private final Kind kind;
    private final Path base;

    Freezer(Kind kind, Path base) {
        this.kind = kind;
        this.base = base;
    }

    /** The freezer of this host, looked up under {@code /sys/fs/cgroup}. */
    static Optional<Freezer> onThisHost() {
        return under(Path.of("/sys/fs/cgroup"));
    }

    /**
     * The v1 freezer hierarchy when it is mounted and writable; else a cgroup v2 hierarchy: mounted at the root
     * (a v2-only host) or, on a hybrid host, at {@code unified}.
     */
    static Optional<Freezer> under(Path cgroups) {
        Path v1 = cgroups.resolve("freezer");
        if (Files.isWritable(v1.resolve("cgroup.procs"))) {
            return Optional.of(new Freezer(Kind.V1, v1.resolve("netdock")));
        }
        for (Path v2 : List.of(cgroups, cgroups.resolve("unified"))) {
            if (Files.exists(v2.resolve("cgroup.controllers")) && Files.isWritable(v2.resolve("cgroup.procs"))) {
                return Optional.of(new Freezer(Kind.V2, v2.resolve("netdock")));
            }
        }
        return Optional.empty();
    }

    Kind kind() {
        return kind;
    }

    private Path group(String owner) {
        return base.resolve(owner);
    }

    private Path stateFile(String owner) {
        return group(owner).resolve(kind == Kind.V1 ? "freezer.state" : "cgroup.freeze");
    }

    /** Creates the group; the file a process writes its PID to, or empty when the group cannot be made. */
    Optional<Path> prepare(String owner) {
        try {
            Files.createDirectories(group(owner));
            return Optional.of(group(owner).resolve("cgroup.procs"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The group can be frozen: it exists with its state file (a v2 kernel before 5.2 has no cgroup.freeze). */
    boolean canFreeze(String owner) {
        return Files.isWritable(stateFile(owner));
    }

    /** The PIDs in the group, oldest first as the kernel lists them. */
    List<Integer> pids(String owner) {
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

    /** Freezes or thaws the group; true once the kernel says it is done. */
    boolean freeze(String owner, boolean frozen) {
        try {
            if (kind == Kind.V1) {
                Files.writeString(stateFile(owner), frozen ? "FROZEN" : "THAWED");
                return true;
            }
            Files.writeString(stateFile(owner), frozen ? "1" : "0");
            return settled(owner, frozen);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** v2 freezes asynchronously: {@code cgroup.events} says {@code frozen 1} when every process has stopped. */
    private boolean settled(String owner, boolean frozen) throws IOException {
        String wanted = "frozen " + (frozen ? 1 : 0);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            if (Files.readAllLines(group(owner).resolve("cgroup.events")).contains(wanted)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    boolean isFrozen(String owner) {
        try {
            String state = Files.readString(stateFile(owner)).strip();
            return kind == Kind.V1 ? !state.equals("THAWED") : state.equals("1");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Removes the (empty) group; best effort. */
    void remove(String owner) {
        try {
            Files.deleteIfExists(group(owner));
        } catch (IOException | RuntimeException stillBusy) {
            // a process is still leaving; the next start of this container reuses the group
        }
    }
}
