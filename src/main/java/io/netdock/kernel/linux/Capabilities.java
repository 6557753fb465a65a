package io.netdock.kernel.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The effective capabilities of this process ({@code CapEff} in {@code /proc/self/status}). */
public final class Capabilities {

    static final int CAP_NET_ADMIN = 12;  // linux/capability.h
    static final int CAP_SYS_ADMIN = 21;  // linux/capability.h

    private Capabilities() {
    }

    /** One sentence saying what linux mode lacks here, or empty if it has what it needs. */
    public static Optional<String> missingForLinuxMode() {
        return missingForLinuxMode(readEffective());
    }

    static Optional<String> missingForLinuxMode(long effective) {
        List<String> missing = new ArrayList<>();
        if ((effective & (1L << CAP_NET_ADMIN)) == 0) {
            missing.add("CAP_NET_ADMIN");
        }
        if ((effective & (1L << CAP_SYS_ADMIN)) == 0) {
            missing.add("CAP_SYS_ADMIN");
        }
        List<String> needs = new ArrayList<>();
        if (!missing.isEmpty()) {
            needs.add("CAP_NET_ADMIN and CAP_SYS_ADMIN, but this process lacks " + String.join(" and ", missing)
                    + " (run it as root or grant them, e.g. with systemd's AmbientCapabilities=)");
        }
        if (Libnftables.unavailableReason() != null) {
            needs.add(Libnftables.unavailableReason());
        }
        return needs.isEmpty() ? Optional.empty()
                : Optional.of("netdock.kernel.mode=linux needs " + String.join(", and ", needs) + ".");
    }

    static long readEffective() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
