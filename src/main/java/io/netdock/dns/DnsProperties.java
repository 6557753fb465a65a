package io.netdock.dns;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded DNS server's options (Docker's behaviour by default).
 *
 * @param ttl             seconds in local answers (Docker: 600; clients such as nginx cache them)
 * @param ptr             {@code network} ({@code <name>.<network>}, as Docker) or {@code name} (the bare name)
 * @param internalUnknown {@code servfail} (as Docker) or {@code nxdomain}: what an unknown name gets on a container
 *                        without external access and without {@code --dns} servers
 * @param hostListener    {@code <address>:<port>} to also serve every container's names on the host, UDP and TCP
 *                        (e.g. {@code 127.0.0.1:5353}); empty = off
 * @param hostResolvConf  the host's resolver file: containers' {@code /etc/resolv.conf} is rendered from it and its
 *                        nameservers are their embedded resolvers' {@code host(…)} upstreams
 */
@ConfigurationProperties("netdock.dns")
public record DnsProperties(@DefaultValue("600") long ttl, @DefaultValue("network") DnsOptions.PtrStyle ptr,
                            @DefaultValue("servfail") DnsOptions.InternalUnknown internalUnknown,
                            @DefaultValue("") String hostListener,
                            @DefaultValue("/etc/resolv.conf") String hostResolvConf) {

    public DnsOptions options() {
        return new DnsOptions(ttl, ptr, internalUnknown);
    }
}
