package io.netdock.portmap;

import java.util.function.Supplier;

/** The ephemeral port range, {@code first..last} inclusive. */
record EphemeralRange(int first, int last) {

    static final String SYSCTL = "net/ipv4/ip_local_port_range";
    static final EphemeralRange FALLBACK = new EphemeralRange(49153, 65535);

    /**
     * The configured range, else the host namespace's {@code ip_local_port_range} as {@code hostSysctl} reads it
     * (Docker's source), else {@link #FALLBACK}.
     */
    static EphemeralRange of(String configured, Supplier<String> hostSysctl) {
        if (configured != null && !configured.isBlank()) {
            EphemeralRange parsed = parse(configured);
            if (parsed == null) {
                throw new IllegalArgumentException("netdock.ports.range must look like 49000-49900, not "
                        + configured);
            }
            return parsed;
        }
        try {
            EphemeralRange fromHost = parse(hostSysctl.get());
            return fromHost == null ? FALLBACK : fromHost;
        } catch (RuntimeException unreadable) {
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
