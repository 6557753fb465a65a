package io.netdock.dnsfiles;

/**
 * What a container's {@code /etc/resolv.conf} is made from.
 *
 * @param kind        how the container is networked ({@link NetworkKind#USER_DEFINED} = embedded resolver)
 * @param dns         the effective DNS settings (container's, else daemon's: {@link DnsSettings#orDaemon})
 * @param host        the host's resolv.conf
 * @param networkIpv6 the network the container joined has IPv6 enabled ({@code EnableIPv6}): without it,
 *                    IPv6 nameservers are dropped for the default bridge and {@code none}
 */
public record ResolvConfSpec(NetworkKind kind, DnsSettings dns, HostResolvConf host, boolean networkIpv6) {

    public ResolvConfSpec {
        dns = dns == null ? DnsSettings.NONE : dns;
        host = host == null ? new HostResolvConf(HostResolvConf.DEFAULT_PATH, null) : host;
    }
}
