package io.netdock.ipam;

import io.netdock.net.IpAddresses;
import java.math.BigInteger;
import java.net.InetAddress;

/**
 * An IP prefix in CIDR notation as the user wrote it ({@code 10.61.0.5/24} keeps its host bits; {@link #masked()}
 * drops them). All comparisons work on the masked network, whose first and last addresses are computed once
 * (subnet choice compares many prefixes).
 */
public final class Cidr {

    private final InetAddress address;
    private final int prefixLength;
    private final BigInteger first;
    private final BigInteger last;

    public Cidr(InetAddress address, int prefixLength) {
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + address);
        }
        this.address = address;
        this.prefixLength = prefixLength;
        int hostBits = bits - prefixLength;
        this.first = toNumber(address).shiftRight(hostBits).shiftLeft(hostBits);
        this.last = first.add(BigInteger.ONE.shiftLeft(hostBits)).subtract(BigInteger.ONE);
    }

    public InetAddress address() {
        return address;
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** Go's {@code net.ParseCIDR} rules; {@code null} when {@code text} is not a CIDR block. */
    public static Cidr parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash == text.length() - 1) {
            return null;
        }
        InetAddress address = IpAddresses.parseOrNull(text.substring(0, slash));
        String length = text.substring(slash + 1);
        if (address == null || length.length() > 3 || !length.chars().allMatch(Character::isDigit)
                || (length.length() > 1 && length.charAt(0) == '0')) {
            return null;
        }
        int prefix = Integer.parseInt(length);
        if (prefix > address.getAddress().length * 8) {
            return null;
        }
        return new Cidr(address, prefix);
    }

    public static Cidr parse(String text) {
        Cidr cidr = parseOrNull(text);
        if (cidr == null) {
            throw new IllegalArgumentException("invalid CIDR address: " + text);
        }
        return cidr;
    }

    public boolean isIpv6() {
        return address.getAddress().length == 16;
    }

    public int bits() {
        return address.getAddress().length * 8;
    }

    public int hostBits() {
        return bits() - prefixLength;
    }

    public Cidr masked() {
        return new Cidr(IpAddresses.fromBytes(toBytes(first())), prefixLength);
    }

    public boolean hasHostBits() {
        return !toNumber(address).equals(first());
    }

    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(hostBits());
    }

    /** The network address as a number. */
    public BigInteger first() {
        return first;
    }

    /** The last address (IPv4 broadcast) as a number. */
    public BigInteger last() {
        return last;
    }

    public boolean sameFamily(InetAddress other) {
        return other.getAddress().length == address.getAddress().length;
    }

    public boolean contains(InetAddress other) {
        if (!sameFamily(other)) {
            return false;
        }
        BigInteger value = toNumber(other);
        return value.compareTo(first) >= 0 && value.compareTo(last) <= 0;
    }

    /** True when {@code other} lies entirely inside this prefix. */
    public boolean contains(Cidr other) {
        return isIpv6() == other.isIpv6() && prefixLength <= other.prefixLength && contains(other.address);
    }

    public boolean overlaps(Cidr other) {
        return isIpv6() == other.isIpv6() && first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    /** The offset of {@code member} from the network address. */
    public BigInteger offsetOf(InetAddress member) {
        return toNumber(member).subtract(first());
    }

    public InetAddress addressAt(BigInteger offset) {
        return IpAddresses.fromBytes(toBytes(first().add(offset)));
    }

    /** The first address after the network address: Docker's default gateway. */
    public InetAddress firstHost() {
        return addressAt(BigInteger.ONE);
    }

    public static BigInteger toNumber(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }

    private byte[] toBytes(BigInteger value) {
        int length = address.getAddress().length;
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefixLength == prefixLength && cidr.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + prefixLength;
    }
}
