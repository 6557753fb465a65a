package io.netdock.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code /proc/<pid>/stat} (proc(5)). */
public final class ProcStat {

    private ProcStat() {
    }

    /** Field 22, {@code starttime}; empty when no such process (or a zombie already reaped). */
    public static Optional<Long> startTicks(int pid) {
        return field(pid, 22).map(Long::parseLong);
    }

    /** Field 4, {@code ppid}. */
    public static Optional<Integer> parent(int pid) {
        return field(pid, 4).map(Integer::parseInt);
    }

    /** Field 3, {@code state}: Z for a zombie. */
    public static Optional<String> state(int pid) {
        return field(pid, 3);
    }

    /** The n-th field (1-based) of the stat line; the command (field 2) may hold spaces and parentheses. */
    static Optional<String> field(int pid, int n) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
        return fieldOf(line, n);
    }

    static Optional<String> fieldOf(String line, int n) {
        if (n == 1) {
            return Optional.of(line.substring(0, line.indexOf(' ')));
        }
        int close = line.lastIndexOf(')');
        if (n == 2) {
            return Optional.of(line.substring(line.indexOf('(') + 1, close));
        }
        String[] rest = line.substring(close + 2).trim().split(" ");
        return n - 3 < rest.length ? Optional.of(rest[n - 3]) : Optional.empty();
    }
}
