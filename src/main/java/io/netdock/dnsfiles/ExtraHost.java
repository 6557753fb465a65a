package io.netdock.dnsfiles;

import java.util.Objects;

/**
 * One {@code HostConfig.ExtraHosts} entry ({@code --add-host name:ip}). {@code host-gateway} must already be
 * replaced by the daemon's host-gateway address when this record is made.
 */
public record ExtraHost(String names, String address) {

    public ExtraHost {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(address, "address");
    }

    /** Splits Docker's {@code name:ip} form on the first colon, so IPv6 addresses stay whole. */
    public static ExtraHost parse(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("bad format for add-host: " + entry);
        }
        return new ExtraHost(entry.substring(0, colon), entry.substring(colon + 1));
    }
}
