package io.netdock.ipam;

import io.netdock.net.IpAddresses;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Docker's predefined address pools and the choice of a subnet from them for a network that names none.
 *
 * <p>Allocation is Docker 27.0+'s <em>first fit</em>: the lowest subnet of the first pool (in configured order) that
 * overlaps no subnet in use. (20.10–26.x used a round-robin cursor instead.) Netdock does not reserve the host's
 * own interface prefixes as Docker does on Linux: its networks live in the simulated kernel or a test namespace.
 */
public final class DefaultAddressPools {

    /** Docker's defaults: 172.17–172.31 as /16s, then 192.168.0.0/16 as /20s. */
    public static final List<Pool> DOCKER_IPV4 = List.of(
            pool("172.17.0.0/16", 16), pool("172.18.0.0/16", 16), pool("172.19.0.0/16", 16),
            pool("172.20.0.0/14", 16), pool("172.24.0.0/14", 16), pool("172.28.0.0/14", 16),
            pool("192.168.0.0/16", 20));

    /** A base prefix split into subnets of {@code size} prefix length. */
    public record Pool(Cidr base, int size) {
        public Pool {
            if (base.hasHostBits()) {
                throw new IllegalArgumentException("default address pool base " + base + " has host bits set; use "
                        + base.masked());
            }
            if (size < base.prefixLength() || size > base.bits()) {
                throw new IllegalArgumentException("default address pool " + base + ": size " + size
                        + " must be between " + base.prefixLength() + " and " + base.bits());
            }
        }
    }

    private final List<Pool> ipv4Pools;
    private final List<Pool> ipv6Pools;

    public DefaultAddressPools(List<Pool> pools) {
        this.ipv4Pools = pools.stream().filter(p -> !p.base().isIpv6()).toList();
        this.ipv6Pools = pools.stream().filter(p -> p.base().isIpv6()).toList();
    }

    /** The pools from properties, Docker's IPv4 defaults when none are set, plus a ULA pool when no IPv6 pool is. */
    public static DefaultAddressPools from(IpamProperties properties, String engineId) {
        List<Pool> pools = new ArrayList<>();
        List<IpamProperties.PoolSpec> specs = properties == null ? null : properties.defaultAddressPools();
        if (specs == null || specs.isEmpty()) {
            pools.addAll(DOCKER_IPV4);
        } else {
            for (IpamProperties.PoolSpec spec : specs) {
                Cidr base = Cidr.parseOrNull(spec.base());
                if (base == null || spec.size() == null) {
                    throw new IllegalArgumentException("netdock.default-address-pools: invalid entry base="
                            + spec.base() + " size=" + spec.size() + " (expected e.g. base=10.10.0.0/16, size=24)");
                }
                pools.add(new Pool(base, spec.size()));
            }
        }
        if (pools.stream().noneMatch(p -> p.base().isIpv6())) {
            pools.add(new Pool(uniqueLocalPrefix(engineId), 64));
        }
        return new DefaultAddressPools(pools);
    }

    /** {@code fdXX:XXXX:XXXX::/48}, the global ID taken from a hash of the engine ID (RFC 4193 style). */
    static Cidr uniqueLocalPrefix(String engineId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(engineId.getBytes(StandardCharsets.UTF_8));
            byte[] address = new byte[16];
            address[0] = (byte) 0xfd;
            System.arraycopy(hash, 0, address, 1, 5);
            return new Cidr(IpAddresses.fromBytes(address), 48);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public List<Pool> pools(boolean ipv6) {
        return ipv6 ? ipv6Pools : ipv4Pools;
    }

    /** The first subnet of the pools that overlaps none of {@code inUse}. */
    public Cidr firstFree(boolean ipv6, Collection<Cidr> inUse) {
        List<Cidr> sameFamily = inUse.stream().filter(c -> c.isIpv6() == ipv6).map(Cidr::masked).toList();
        return firstFree(ipv6, candidate -> {
            Cidr blocker = null;
            for (Cidr used : sameFamily) {
                if (used.overlaps(candidate) && (blocker == null || used.last().compareTo(blocker.last()) > 0)) {
                    blocker = used;
                }
            }
            return blocker;
        });
    }

    /**
     * The first subnet of the pools that {@code blockerOf} finds nothing in use overlapping.
     *
     * @param blockerOf a subnet in use that overlaps the candidate (the search continues after it), or null
     */
    public Cidr firstFree(boolean ipv6, UnaryOperator<Cidr> blockerOf) {
        for (Pool pool : pools(ipv6)) {
            Cidr found = firstFree(pool, blockerOf);
            if (found != null) {
                return found;
            }
        }
        throw new SubnetsExhausted();
    }

    /** Walks the pool's subnets in order, jumping past the subnet in use that a candidate hits. */
    private static Cidr firstFree(Pool pool, UnaryOperator<Cidr> blockerOf) {
        BigInteger step = BigInteger.ONE.shiftLeft(pool.base().bits() - pool.size());
        BigInteger end = pool.base().last();
        BigInteger position = pool.base().first();
        while (position.compareTo(end) <= 0) {
            Cidr candidate = new Cidr(pool.base().addressAt(position.subtract(pool.base().first())), pool.size());
            Cidr blocker = blockerOf.apply(candidate);
            if (blocker == null) {
                return candidate;
            }
            BigInteger after = blocker.last().add(BigInteger.ONE);
            BigInteger aligned = after.add(step).subtract(BigInteger.ONE).divide(step).multiply(step);
            position = aligned.max(position.add(step));
        }
        return null;
    }

    private static Pool pool(String base, int size) {
        return new Pool(Cidr.parse(base), size);
    }
}
