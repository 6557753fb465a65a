package io.netdock.dnsfiles;

import java.util.List;

/**
 * Renders {@code /etc/resolv.conf} like Docker: a copy of the host's file for host networking; the host's
 * nameservers without loopback ones (Google's public servers when none remain) for the default bridge and
 * {@code none}; {@code nameserver 127.0.0.11} (the embedded resolver, with the host's or the user's servers as
 * its upstreams) on user-defined networks. {@code --dns}, {@code --dns-search} and {@code --dns-option}
 * replace the host's values.
 */
public final class ResolvConfFile {

    /** The embedded DNS server's address inside every container on a user-defined network. */
    public static final String EMBEDDED_RESOLVER = "127.0.0.11";

    private ResolvConfFile() {
    }

    /**
     * The servers the embedded resolver forwards to, as the container's file lists them in {@code # ExtServers:}:
     * the host's nameservers ({@code fromHost}, reached from the host's namespace), or the ones the user set.
     */
    public static List<ExtServer> extServers(ResolvConfSpec spec) {
        return CurrentResolvConf.extServers(spec);
    }

    public static String render(Dialect dialect, ResolvConfSpec spec) {
        return dialect == Dialect.DOCKER_20_10 ? ClassicResolvConf.render(spec) : CurrentResolvConf.render(spec);
    }
}
