package io.netdock.dns;

/** Which network namespace a forwarded query leaves from, as Docker decides it. */
public enum UpstreamNamespace {
    /** The host's nameservers ({@code host(…)} in the container's {@code # ExtServers:}): netdock's host namespace. */
    HOST,
    /** Servers the user set ({@code --dns}, or the daemon's {@code netdock.dns}): the container's own namespace. */
    CONTAINER
}
