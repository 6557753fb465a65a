package io.netdock.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one IP address parser and printer, strict as Go's {@code net.ParseIP} and never resolving a name:
 * dotted-quad IPv4 only (no leading zeros, four parts: {@code 1.2.3} and {@code 010.0.0.1} are not addresses,
 * though {@code InetAddress.getByName} takes them), IPv6 with {@code ::} and an optional dotted-quad tail;
 * printed as {@code ip}, {@code nft} and Go print them, IPv6 in the RFC 5952 short form ({@code fd00:71::2}).
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The address, or {@code null} when {@code text} is not a literal IPv4 or IPv6 address. */
    public static InetAddress parseOrNull(String text) {
        byte[] bytes = bytesOrNull(text);
        return bytes == null ? null : fromBytes(bytes);
    }

    /** The address; {@link IllegalArgumentException} ("not an IP address: …") when it is none. */
    public static InetAddress parse(String text) {
        InetAddress address = parseOrNull(text);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        return address;
    }

    /**
     * The address's 4 or 16 bytes, or {@code null}. Unlike an {@code InetAddress} (Java folds {@code ::ffff:a.b.c.d}
     * into IPv4), an IPv4-mapped IPv6 address keeps its 16 bytes, as Go's {@code netip} keeps it.
     */
    public static byte[] bytesOrNull(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    public static boolean isIpv6(InetAddress address) {
        return address.getAddress().length == 16;
    }

    public static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException wrongLength) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        }
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int c = 0; c < part.length(); c++) {
                char digit = part.charAt(c);
                if (digit < '0' || digit > '9') {
                    return null;
                }
                value = value * 10 + (digit - '0');
            }
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] parseIpv6(String text) {
        byte[] bytes = new byte[16];
        int ellipsis = -1;
        int position = 0;
        int i = 0;
        if (text.startsWith("::")) {
            ellipsis = 0;
            i = 2;
            if (i == text.length()) {
                return bytes;
            }
        }
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && isHex(text.charAt(end))) {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '.') {
                if (ellipsis < 0 && position != 12 || position > 12) {
                    return null;
                }
                byte[] tail = parseIpv4(text.substring(i));
                if (tail == null) {
                    return null;
                }
                System.arraycopy(tail, 0, bytes, position, 4);
                position += 4;
                i = text.length();
                break;
            }
            if (end == i || end - i > 4 || position == 16) {
                return null;
            }
            int group = Integer.parseInt(text.substring(i, end), 16);
            bytes[position++] = (byte) (group >> 8);
            bytes[position++] = (byte) group;
            i = end;
            if (i == text.length()) {
                break;
            }
            if (text.charAt(i) != ':' || i + 1 == text.length()) {
                return null;
            }
            i++;
            if (text.charAt(i) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = position;
                i++;
                if (i == text.length()) {
                    break;
                }
            }
        }
        if (position < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int shift = 16 - position;
            for (int j = position - 1; j >= ellipsis; j--) {
                bytes[j + shift] = bytes[j];
            }
            for (int j = ellipsis + shift - 1; j >= ellipsis; j--) {
                bytes[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return null;
        }
        return bytes;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Go's {@code net.IP.String()}: dotted quad, or RFC 5952 for IPv6 (the kernel port's spelling too). */
    public static String format(InetAddress address) {
        return address instanceof Inet6Address ? rfc5952(address.getAddress()) : dottedQuad(address.getAddress(), 0);
    }

    /** 4 bytes as a dotted quad, 16 in RFC 5952 form; {@code ::ffff:1.2.3.4} for a mapped IPv4 (Go's netip). */
    public static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return dottedQuad(bytes, 0);
        }
        return isIpv4Mapped(bytes) ? "::ffff:" + dottedQuad(bytes, 12) : rfc5952(bytes);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    private static String dottedQuad(byte[] bytes, int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
                + (bytes[from + 3] & 0xff);
    }

    /** Lower-case groups without leading zeros; the first longest run of two or more zero groups becomes "::". */
    private static String rfc5952(byte[] bytes) {
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
        StringBuilder out = new StringBuilder(39);
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
}
