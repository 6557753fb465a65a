package io.netdock.dnsfiles;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address literal parsed and printed the way Go's {@code net/netip} does it ({@code ParseAddr} /
 * {@code Addr.String}): IPv4 without leading zeros, IPv6 in RFC 5952 form ({@code fe00::}, {@code ::ffff:1.2.3.4}),
 * an optional {@code %zone} kept. Never resolves names.
 */
final class IpLiteral {

    private static final Pattern IPV4 =
            Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

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
        if (IPV4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
            return Optional.of(new IpLiteral(literal(text).getAddress(), ""));
        }
        String zone = "";
        String address = text;
        int percent = text.indexOf('%');
        if (percent >= 0) {
            zone = text.substring(percent + 1);
            address = text.substring(0, percent);
            if (zone.isEmpty()) {
                return Optional.empty();
            }
        }
        if (!address.contains(":") || !IPV6_CHARS.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (bytes.length == 4) {
                // Java folds ::ffff:a.b.c.d into IPv4; netip keeps it as an IPv6 address.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return Optional.of(new IpLiteral(bytes, zone));
        } catch (UnknownHostException | RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException impossibleForALiteral) {
            throw new IllegalStateException(impossibleForALiteral);
        }
    }

    boolean is6() {
        return bytes.length == 16;
    }

    /** The address without its zone. */
    InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
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
        if (!is6()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        String text = isV4Mapped() ? "::ffff:" + (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "."
                + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff) : rfc5952();
        return zone.isEmpty() ? text : text + "%" + zone;
    }

    private boolean isV4Mapped() {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    /** Lower-case groups without leading zeros; the first longest run of two or more zero groups becomes "::". */
    private String rfc5952() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    static String canonical(String text) {
        return parse(text).map(IpLiteral::toString).orElse(text);
    }
}
