package io.netdock.dnsfiles;

/** Which Docker's files to reproduce. */
public enum Dialect {
    /**
     * dockerd 20.10–25.x: {@code fe00::0} style hosts header always with IPv6 lines; resolv.conf edited with
     * regular expressions, {@code options ndots:0} added for the embedded resolver, no comments.
     */
    DOCKER_20_10,
    /**
     * Docker 26.0+ (as of 28.x, API 1.51): addresses printed like Go's {@code netip} ({@code fe00::}), IPv6
     * lines only when the container has IPv6; resolv.conf generated with a header and trailing comments
     * ({@code # Based on host file: ...}, {@code # ExtServers: [...]}, {@code # Overrides: [...]}).
     */
    DOCKER_28
}
