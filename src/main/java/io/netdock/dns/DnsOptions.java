package io.netdock.dns;

/**
 * How the resolver answers where netdock lets the user depart from Docker (Docker's behaviour is the default).
 *
 * @param ttl             seconds in every local answer (Docker: 600)
 * @param ptr             what a PTR answer names
 * @param internalUnknown what an unknown name gets when the container has no external access and no upstream of
 *                        its own
 */
public record DnsOptions(long ttl, PtrStyle ptr, InternalUnknown internalUnknown) {

    public static final long DOCKER_TTL = 600;

    public static final DnsOptions DOCKER = new DnsOptions(DOCKER_TTL, PtrStyle.NETWORK, InternalUnknown.SERVFAIL);

    public DnsOptions {
        if (ttl < 0 || ttl > 0x7fffffffL) {
            throw new IllegalArgumentException("netdock.dns.ttl must be between 0 and 2147483647, not " + ttl);
        }
    }

    public enum PtrStyle {
        /** {@code <first DNS name>.<network>}, as Docker. */
        NETWORK,
        /** The bare first DNS name. */
        NAME
    }

    public enum InternalUnknown {
        /** As Docker. */
        SERVFAIL,
        /** Lets resolvers walk their search list. */
        NXDOMAIN
    }
}
