package io.netdock.dns;

import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/** Parses {@code netdock.dns.host-listener}: {@code <IPv4>:<port>} or {@code [<IPv6>]:<port>}, an IP literal only. */
final class HostListenerAddress {

    private HostListenerAddress() {
    }

    /** Empty when the option is empty (no listener); {@link IllegalArgumentException} when it is malformed. */
    static Optional<InetSocketAddress> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw malformed(value);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw malformed(value);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException notANumber) {
            throw malformed(value);
        }
        if (port < 0 || port > 65535) {
            throw malformed(value);
        }
        InetAddress address = IpAddresses.parseOrNull(host);
        if (address == null) {
            throw malformed(value);
        }
        return Optional.of(new InetSocketAddress(address, port));
    }

    private static IllegalArgumentException malformed(String value) {
        return new IllegalArgumentException("netdock.dns.host-listener must be <IP>:<port> (e.g. 127.0.0.1:5353 or "
                + "[::1]:5353), not \"" + value + "\"");
    }
}
