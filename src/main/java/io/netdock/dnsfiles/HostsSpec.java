package io.netdock.dnsfiles;

import java.util.List;

/**
 * What a container's {@code /etc/hosts} is made from.
 *
 * @param kind          how the container is networked
 * @param hostname      {@code Config.Hostname}
 * @param domainname    {@code Config.Domainname}, {@code ""} when none
 * @param ownAddresses  the container's own addresses, network by network in connect order, each network's IPv4
 *                      address before its IPv6 one (bare addresses, no prefix length)
 * @param extraHosts    {@code HostConfig.ExtraHosts} in order, {@code host-gateway} already resolved
 * @param links         legacy links on the default bridge, in the order the daemon walks them
 * @param ipv6          the container has IPv6 (true unless disabled, e.g. by the
 *                      {@code net.ipv6.conf.all.disable_ipv6=1} sysctl); only {@link Dialect#DOCKER_28} drops IPv6
 *                      lines when false
 * @param hostHostsFile the host's {@code /etc/hosts} content, used for {@link NetworkKind#HOST} without extra
 *                      hosts; {@code null} when the host has none
 */
public record HostsSpec(NetworkKind kind, String hostname, String domainname, List<String> ownAddresses,
                        List<ExtraHost> extraHosts, List<LinkedContainer> links, boolean ipv6, String hostHostsFile) {

    public HostsSpec {
        domainname = domainname == null ? "" : domainname;
        ownAddresses = ownAddresses == null ? List.of() : List.copyOf(ownAddresses);
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The names on the container's own lines: {@code fqdn} plus the bare host name when the FQDN has a dot. */
    String ownNames() {
        String fqdn = domainname.isEmpty() ? hostname : hostname + "." + domainname;
        int dot = fqdn.indexOf('.');
        return dot < 0 ? fqdn : fqdn + " " + fqdn.substring(0, dot);
    }
}
