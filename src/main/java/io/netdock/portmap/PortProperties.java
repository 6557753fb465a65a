package io.netdock.portmap;

import io.netdock.server.StartupRefused;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Published-port settings.
 *
 * @param range the ephemeral host port range, {@code 49000-49900} or {@code 49000 49900}; empty = the host's
 *              host namespace's {@code net.ipv4.ip_local_port_range} (Docker's source; in linux mode the
 *              configured {@code netdock.kernel.host-netns}), else {@code 49153-65535}
 */
@ConfigurationProperties("netdock.ports")
public record PortProperties(String range) {

    public PortProperties {
        if (range != null && !range.isBlank() && EphemeralRange.parse(range) == null) {
            throw new StartupRefused("netdock.ports.range=" + range + " is not a port range",
                    "Give two ports between 1 and 65535, the first not above the last (--netdock.ports.range=49000-49900),"
                            + " or leave it unset for the host's ip_local_port_range.");
        }
    }
}
