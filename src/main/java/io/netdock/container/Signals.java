package io.netdock.container;

import io.netdock.error.DockerError;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Linux signals by Docker's names ({@code KILL}, {@code SIGKILL}, {@code 9}, {@code RTMIN+3}) and what they do to
 * netdock's process-less container: a signal whose default action terminates a process ends it (exit code 128 +
 * signal); signals that are ignored or stop/continue by default leave it running.
 */
public final class Signals {

    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    private static final int RTMIN = 34;
    private static final int RTMAX = 64;

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("ABRT", 6), Map.entry("ALRM", 14), Map.entry("BUS", 7), Map.entry("CHLD", 17),
            Map.entry("CLD", 17), Map.entry("CONT", 18), Map.entry("FPE", 8), Map.entry("HUP", 1),
            Map.entry("ILL", 4), Map.entry("INT", 2), Map.entry("IO", 29), Map.entry("IOT", 6),
            Map.entry("KILL", 9), Map.entry("PIPE", 13), Map.entry("POLL", 29), Map.entry("PROF", 27),
            Map.entry("PWR", 30), Map.entry("QUIT", 3), Map.entry("SEGV", 11), Map.entry("STKFLT", 16),
            Map.entry("STOP", 19), Map.entry("SYS", 31), Map.entry("TERM", 15), Map.entry("TRAP", 5),
            Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23),
            Map.entry("USR1", 10), Map.entry("USR2", 12), Map.entry("VTALRM", 26), Map.entry("WINCH", 28),
            Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("RTMIN", RTMIN), Map.entry("RTMAX", RTMAX));

    /** Default action "ignore", "stop" or "continue" (signal(7)). */
    private static final Set<Integer> NOT_TERMINATING = Set.of(17, 18, 19, 20, 21, 22, 23, 28);

    private Signals() {
    }

    /** Docker's {@code signal.ParseSignal}: a number, or a name with or without {@code SIG}. */
    public static int parse(String raw) {
        try {
            int number = Integer.parseInt(raw);
            if (number <= 0 || number > RTMAX) {
                throw invalid(raw);
            }
            return number;
        } catch (NumberFormatException notANumber) {
            String name = raw.toUpperCase(Locale.ROOT);
            if (name.startsWith("SIG")) {
                name = name.substring(3);
            }
            Integer number = NUMBERS.get(name);
            if (number == null) {
                number = realtime(name);
            }
            if (number == null) {
                throw invalid(raw);
            }
            return number;
        }
    }

    public static boolean terminates(int signal) {
        return !NOT_TERMINATING.contains(signal);
    }

    private static Integer realtime(String name) {
        try {
            if (name.startsWith("RTMIN+")) {
                int n = RTMIN + Integer.parseInt(name.substring(6));
                return n <= RTMAX ? n : null;
            }
            if (name.startsWith("RTMAX-")) {
                int n = RTMAX - Integer.parseInt(name.substring(6));
                return n >= RTMIN ? n : null;
            }
        } catch (NumberFormatException notRealtime) {
            return null;
        }
        return null;
    }

    private static DockerError invalid(String raw) {
        return DockerError.invalidParameter("Invalid signal: " + raw);
    }
}
