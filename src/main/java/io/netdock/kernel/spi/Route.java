package io.netdock.kernel.spi;

import io.netdock.kernel.IpPrefix;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;

/**
 * A route of the main table.
 *
 * @param destination the prefix; {@code 0.0.0.0/0} or {@code ::/0} for a default route
 * @param gateway     next hop, or null for a directly connected route
 * @param device      outgoing interface
 * @param protocol    who installed it: {@code kernel}, {@code boot}, {@code static}, or the number
 * @param scope       {@code global}, {@code link}, {@code host}
 * @param source      preferred source address, or null
 * @param metric      priority; 0 = none given
 */
public record Route(IpPrefix destination, InetAddress gateway, String device, String protocol, String scope,
                    InetAddress source, int metric) {

    /** What netdock installs: a default route via the network's gateway (the kernel picks the IPv6 metric). */
    public static Route defaultVia(InetAddress gateway, String device) {
        boolean v6 = gateway.getAddress().length == 16;
        return new Route(new IpPrefix(any(v6), 0), gateway, device, "static", "global", null, 0);
    }

    public boolean isIpv6() {
        return destination.isIpv6();
    }

    public boolean isDefault() {
        return destination.prefixLength() == 0;
    }

    /** In {@code ip route} words: {@code default via 172.18.0.1 dev eth0 proto static}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(isDefault() ? "default" : destination.toString());
        if (gateway != null) {
            text.append(" via ").append(IpAddresses.format(gateway));
        }
        text.append(" dev ").append(device).append(" proto ").append(protocol);
        if (!"global".equals(scope)) {
            text.append(" scope ").append(scope);
        }
        if (source != null) {
            text.append(" src ").append(IpAddresses.format(source));
        }
        if (metric != 0) {
            text.append(" metric ").append(metric);
        }
        return text.toString();
    }

    private static InetAddress any(boolean v6) {
        try {
            return InetAddress.getByAddress(new byte[v6 ? 16 : 4]);
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
