package io.netdock.portmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ephemeral port range, {@code first..last} inclusive. */
record EphemeralRange(int first, int last) {

    static final Path PROC = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final EphemeralRange FALLBACK = new EphemeralRange(49153, 65535);

    static EphemeralRange of(String configured) {
        if (configured != null && !configured.isBlank()) {
            EphemeralRange parsed = parse(configured);
            if (parsed == null) {
                throw new IllegalArgumentException("netdock.ports.range must look like 49000-49900, not "
                        + configured);
            }
            return parsed;
        }
        try {
            // readAllBytes trusts the size /proc reports (0) and may return a truncated read; read lines instead
            EphemeralRange fromHost = parse(String.join(" ", Files.readAllLines(PROC)));
            return fromHost == null ? FALLBACK : fromHost;
        } catch (IOException | RuntimeException unreadable) {
            return FALLBACK;
        }
    }

    static EphemeralRange parse(String text) {
        String[] parts = text.trim().split("\\s*[-\\s]\\s*");
        if (parts.length != 2) {
            return null;
        }
        try {
            int first = Integer.parseInt(parts[0]);
            int last = Integer.parseInt(parts[1]);
            return first >= 1 && last <= 65535 && first <= last ? new EphemeralRange(first, last) : null;
        } catch (NumberFormatException notNumbers) {
            return null;
        }
    }
}
