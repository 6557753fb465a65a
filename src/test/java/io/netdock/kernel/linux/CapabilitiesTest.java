package io.netdock.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one sentence linux mode refuses to start with. */
class CapabilitiesTest {

    private static final long NET_ADMIN = 1L << Capabilities.CAP_NET_ADMIN;
    private static final long SYS_ADMIN = 1L << Capabilities.CAP_SYS_ADMIN;

    @Test
    void namesWhatIsMissing() {
        assertThat(Capabilities.missingForLinuxMode(NET_ADMIN)).hasValue("netdock.kernel.mode=linux needs "
                + "CAP_NET_ADMIN and CAP_SYS_ADMIN, but this process lacks CAP_SYS_ADMIN (run it as root or grant"
                + " them, e.g. with systemd's AmbientCapabilities=).");
        assertThat(Capabilities.missingForLinuxMode(0)).get().asString()
                .contains("lacks CAP_NET_ADMIN and CAP_SYS_ADMIN");
    }

    @Test
    void isSatisfiedByBothCapabilitiesWhereLibnftablesLoads() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Libnftables.unavailableReason() == null, "libnftables1 missing");
        assertThat(Capabilities.missingForLinuxMode(NET_ADMIN | SYS_ADMIN)).isEmpty();
    }
}
