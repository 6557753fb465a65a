package io.netdock.container;

import io.netdock.dnsfiles.HostResolvConf;

/**
 * The host's resolver file as netdock reads it ({@code netdock.dns.host-resolv-conf}, {@code /etc/resolv.conf} by
 * default): what containers' {@code /etc/resolv.conf} is rendered from and where their embedded resolvers' host
 * upstreams come from — one setting decides both.
 */
public interface HostResolvConfSource {

    /** Read now (the host may have changed it); content null when the file does not exist or cannot be read. */
    HostResolvConf read();
}
