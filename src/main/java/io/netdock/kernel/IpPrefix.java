package io.netdock.kernel;

import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address with a prefix length, e.g. {@code 172.17.0.1/16} or {@code fd00::1/64}. */
public record IpPrefix(InetAddress address, int prefixLength) {

    public IpPrefix {
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + IpAddresses.format(address));
        }
    }

    /** Parses {@code 172.17.0.1/16} (strictly: {@link IpAddresses}); a bare address gets the full length. */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        InetAddress address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        int length = slash < 0 ? address.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
        return new IpPrefix(address, length);
    }

    /**
     * The IPv6 link-local address Linux derives from a MAC ({@code addrgenmode eui64}, RFC 4291 appendix A):
     * {@code fe80::/64} with the MAC split by {@code ff:fe} and its universal/local bit flipped;
     * {@code 02:42:ac:11:00:02} → {@code fe80::42:acff:fe11:2/64}.
     */
    public static IpPrefix linkLocal(String macAddress) {
        String[] octets = macAddress.split(":");
        if (octets.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + macAddress);
        }
        byte[] bytes = new byte[16];
        bytes[0] = (byte) 0xfe;
        bytes[1] = (byte) 0x80;
        for (int i = 0; i < 3; i++) {
            bytes[8 + i] = (byte) Integer.parseInt(octets[i], 16);
            bytes[13 + i] = (byte) Integer.parseInt(octets[3 + i], 16);
        }
        bytes[8] ^= 0x02;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) 0xfe;
        try {
            return new IpPrefix(InetAddress.getByAddress(bytes), 64);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public boolean isIpv6() {
        return address.getAddress().length == 16;
    }

    /** The network this address is in: {@code 172.17.0.1/16} → {@code 172.17.0.0/16}. */
    public IpPrefix network() {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            bytes[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
        }
        try {
            return new IpPrefix(InetAddress.getByAddress(bytes), prefixLength);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + prefixLength;
    }
}
