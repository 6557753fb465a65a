package io.netdock.dnsfiles;

/** How the container is networked, as far as its name-resolution files are concerned. */
public enum NetworkKind {
    /** {@code --network host}: the host's files (unless overridden by extra hosts or DNS settings). */
    HOST,
    /** {@code --network none}: loopback only; resolv.conf as for the default bridge. */
    NONE,
    /** Only on the default {@code bridge} network: no embedded DNS, the host's nameservers are used directly. */
    DEFAULT_BRIDGE,
    /** Attached to at least one user-defined network: the embedded resolver {@code 127.0.0.11} is used. */
    USER_DEFINED
}
