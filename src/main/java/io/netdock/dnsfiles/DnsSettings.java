package io.netdock.dnsfiles;

import java.util.List;

/**
 * {@code Dns}, {@code DnsSearch}, {@code DnsOptions}: a container's ({@code HostConfig}) or the daemon's
 * defaults. An empty list means "not set".
 */
public record DnsSettings(List<String> nameservers, List<String> search, List<String> options) {

    public static final DnsSettings NONE = new DnsSettings(List.of(), List.of(), List.of());

    public DnsSettings {
        nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
        search = search == null ? List.of() : List.copyOf(search);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Each list that is not set here is taken from the daemon's settings, as dockerd does. */
    public DnsSettings orDaemon(DnsSettings daemon) {
        return new DnsSettings(nameservers.isEmpty() ? daemon.nameservers : nameservers,
                search.isEmpty() ? daemon.search : search, options.isEmpty() ? daemon.options : options);
    }

    public boolean isEmpty() {
        return nameservers.isEmpty() && search.isEmpty() && options.isEmpty();
    }
}
