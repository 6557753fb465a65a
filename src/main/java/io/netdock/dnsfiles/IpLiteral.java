package io.netdock.dnsfiles;

import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IP address literal parsed and printed the way Go's {@code net/netip} does it ({@code ParseAddr} /
 * {@code Addr.String}) through {@link IpAddresses}: IPv4 without leading zeros, IPv6 in RFC 5952 form
 * ({@code fe00::}, {@code ::ffff:1.2.3.4}), an optional {@code %zone} kept. Never resolves names.
 */
final class IpLiteral {

    private final byte[] bytes;
    private final String zone;

    private IpLiteral(byte[] bytes, String zone) {
        this.bytes = bytes;
        this.zone = zone;
    }

    static Optional<IpLiteral> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String zone = "";
        String address = text;
        int percent = text.indexOf('%');
        if (percent >= 0) {
            zone = text.substring(percent + 1);
            address = text.substring(0, percent);
            if (zone.isEmpty() || !address.contains(":")) {
                return Optional.empty();
            }
        }
        byte[] bytes = IpAddresses.bytesOrNull(address);
        return bytes == null ? Optional.empty() : Optional.of(new IpLiteral(bytes, zone));
    }

    boolean is6() {
        return bytes.length == 16;
    }

    /** The address without its zone. */
    InetAddress toInetAddress() {
        return IpAddresses.fromBytes(bytes);
    }

    boolean isLoopback() {
        if (!is6()) {
            return bytes[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 1;
    }

    @Override
    public String toString() {
        String text = IpAddresses.format(bytes);
        return zone.isEmpty() ? text : text + "%" + zone;
    }

    static String canonical(String text) {
        return parse(text).map(IpLiteral::toString).orElse(text);
    }
}
