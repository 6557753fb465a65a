package io.netdock.ipam;

import io.netdock.kernel.IpPrefix;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses and prints IP addresses the way Go's {@code net} package does, without ever resolving a name:
 * dotted-quad IPv4 (no leading zeros), IPv6 with {@code ::} and an optional dotted-quad tail, and the
 * RFC 5952 text form ({@code fd00:71::2}).
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The address, or {@code null} when {@code text} is not a literal IPv4 or IPv6 address. */
    public static InetAddress parseOrNull(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] bytes = text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
        return bytes == null ? null : fromBytes(bytes);
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

    /** Go's {@code net.IP.String()}: dotted quad, or RFC 5952 for IPv6 (the kernel port's spelling). */
    public static String format(InetAddress address) {
        return IpPrefix.text(address);
    }
}
