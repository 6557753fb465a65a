package io.netdock.ipam;

import io.netdock.net.IpAddresses;
import java.math.BigInteger;
import java.net.InetAddress;

/**
 * The addresses of one subnet of a network: which are used, and which one the next dynamic allocation gets.
 *
 * <p>Like Docker's default IPAM for local networks, dynamic addresses come from the ip-range (the whole subnet when
 * none is set), first free: the lowest unused address, so a released address is the next one handed out (observed
 * on dockerd 20.10; libnetwork asks for serial allocation only for swarm networks). A serial pool (IPAM option
 * {@code com.docker.network.ipam.serial=true}) keeps a cursor instead: the next address after the last one handed
 * out, wrapping to the start of the range, so a released address is reused only after a full turn. Either way a
 * search skips full 64-bit words and full pages, so its cost does not grow with the leases. The network address (and the
 * IPv4 broadcast address) of
 * subnets large enough to have one are never handed out, like in Docker: an IPv4 /31 or /32 uses every address.
 * Subnets with more than 2^64 - 1 addresses (IPv6 shorter than /64) track only their first 2^64 - 1 addresses,
 * which is also all Docker hands out of them.
 */
public final class AddressPool {

    private static final long LARGEST_LAST_OFFSET = 0xFFFF_FFFF_FFFF_FFFEL;
    private static final BigInteger TRACKED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final Cidr subnet;
    private final byte[] base;
    private final long hostMask;
    private final Cidr range;
    private final AddressBitmap used;
    private final long rangeFirst;
    private final long rangeLast;
    private final boolean serial;
    /** Serial pools: the offset of the last address handed out, or NONE before the first. */
    private long cursor = AddressBitmap.NONE;

    /** @param ipRange the dynamic range inside {@code subnet}, or null for the whole subnet */
    public AddressPool(Cidr subnet, Cidr ipRange) {
        this(subnet, ipRange, false);
    }

    /**
     * @param ipRange the dynamic range inside {@code subnet}, or null for the whole subnet
     * @param serial  hand out addresses in turn after the last one (see the class comment)
     */
    public AddressPool(Cidr subnet, Cidr ipRange, boolean serial) {
        this.subnet = subnet.masked();
        this.base = this.subnet.address().getAddress();
        this.hostMask = subnet.hostBits() >= 64 ? -1L : (1L << subnet.hostBits()) - 1;
        this.range = ipRange == null ? this.subnet : ipRange.masked();
        long last = subnet.hostBits() >= 64 ? LARGEST_LAST_OFFSET : (1L << subnet.hostBits()) - 1;
        this.used = new AddressBitmap(last);
        boolean ipv4 = !subnet.isIpv6();
        boolean hasNetworkAddress = !ipv4 || subnet.hostBits() > 1;
        if (hasNetworkAddress) {
            used.set(0);
        }
        if (ipv4 && subnet.hostBits() > 1) {
            used.set(last);
        }
        this.rangeFirst = clamp(this.subnet.offsetOf(range.address()));
        this.rangeLast = clamp(this.subnet.offsetOf(range.address()).add(range.size()).subtract(BigInteger.ONE));
        this.serial = serial;
    }

    private long clamp(BigInteger offset) {
        return offset.compareTo(TRACKED) >= 0 ? used.last() : offset.longValue();
    }

    public Cidr subnet() {
        return subnet;
    }

    public Cidr range() {
        return range;
    }

    public boolean contains(InetAddress address) {
        return inSubnet(address.getAddress());
    }

    /** The address the next dynamic allocation would get, or null when the range is exhausted. */
    public InetAddress candidate() {
        long offset = AddressBitmap.NONE;
        if (serial && cursor != AddressBitmap.NONE && Long.compareUnsigned(cursor, rangeLast) < 0) {
            offset = used.nextClear(cursor + 1, rangeLast);
        }
        if (offset == AddressBitmap.NONE) {
            offset = used.nextClear(rangeFirst, rangeLast);
        }
        return offset == AddressBitmap.NONE ? null : addressAt(offset);
    }

    /** Marks a dynamically allocated address used and, in a serial pool, moves the cursor to it. */
    public boolean take(InetAddress address) {
        long offset = offsetOf(address);
        if (serial && inRange(offset)) {
            cursor = offset;
        }
        return reserve(address);
    }

    /**
     * Serial pools: the next dynamic address comes after this one if it lies further on in the range (a lease
     * read at start, so a restart continues where the turn was). No effect on first-free pools.
     */
    public void resumeAfter(InetAddress address) {
        long offset = offsetOf(address);
        if (serial && inRange(offset) && (cursor == AddressBitmap.NONE || Long.compareUnsigned(offset, cursor) > 0)) {
            cursor = offset;
        }
    }

    private boolean inRange(long offset) {
        return offset != AddressBitmap.NONE && Long.compareUnsigned(offset, rangeFirst) >= 0
                && Long.compareUnsigned(offset, rangeLast) <= 0;
    }

    /**
     * Marks an address used (static addresses, gateways, auxiliary addresses, leases loaded at start). False when
     * it was already used.
     */
    public boolean reserve(InetAddress address) {
        long offset = offsetOf(address);
        return offset == AddressBitmap.NONE || used.set(offset);
    }

    /** The subnet's network address or IPv4 broadcast address, which are never handed out (see the class comment). */
    public boolean isNetworkOrBroadcast(InetAddress address) {
        long offset = offsetOf(address);
        boolean ipv4 = !subnet.isIpv6();
        boolean hasNetworkAddress = !ipv4 || subnet.hostBits() > 1;
        return (hasNetworkAddress && offset == 0) || (ipv4 && subnet.hostBits() > 1 && offset == used.last());
    }

    public boolean isUsed(InetAddress address) {
        long offset = offsetOf(address);
        return offset != AddressBitmap.NONE && used.isSet(offset);
    }

    public void release(InetAddress address) {
        long offset = offsetOf(address);
        if (offset != AddressBitmap.NONE) {
            used.clear(offset);
        }
    }

    /** Addresses marked used, including the reserved network/broadcast addresses. */
    public long usedCount() {
        return used.setCount();
    }

    int pagesInMemory() {
        return used.pageCount();
    }

    long bitsInMemory() {
        return used.bitsInMemory();
    }

    /** The offset of an address of this subnet, or NONE beyond the tracked first 2^64 - 1 addresses. */
    private long offsetOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (!inSubnet(bytes)) {
            throw new IllegalArgumentException(address + " is outside " + subnet);
        }
        int hostBits = subnet.hostBits();
        if (hostBits > 64 && !highHostBitsZero(bytes)) {
            return AddressBitmap.NONE;
        }
        long low = 0;
        for (int i = Math.max(0, bytes.length - 8); i < bytes.length; i++) {
            low = (low << 8) | (bytes[i] & 0xff);
        }
        return low & hostMask;
    }

    private boolean inSubnet(byte[] bytes) {
        if (bytes.length != base.length) {
            return false;
        }
        int prefix = subnet.prefixLength();
        for (int i = 0; i < bytes.length && prefix > 0; i++, prefix -= 8) {
            int mask = prefix >= 8 ? 0xff : (0xff << (8 - prefix)) & 0xff;
            if (((bytes[i] ^ base[i]) & mask) != 0) {
                return false;
            }
        }
        return true;
    }

    /** For subnets wider than 64 host bits: the address lies in the first 2^64 addresses. */
    private boolean highHostBitsZero(byte[] bytes) {
        for (int bit = subnet.prefixLength(); bit < bytes.length * 8 - 64; bit++) {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    private InetAddress addressAt(long offset) {
        byte[] bytes = base.clone();
        long rest = offset;
        for (int i = bytes.length - 1; i >= 0 && rest != 0; i--) {
            bytes[i] = (byte) (bytes[i] | (rest & 0xff));
            rest >>>= 8;
        }
        return IpAddresses.fromBytes(bytes);
    }
}
