package io.netdock.dns;

import io.netdock.kernel.DnsSockets;
import io.netdock.kernel.Plumbing;
import io.netdock.server.StartupRefused;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@code netdock.dns.host-listener}: every container's names served on the host (UDP and TCP), in both kernel
 * modes — {@code dig @127.0.0.1 -p 5353 web.mynet}. Off by default. Its sockets are opened in netdock's host
 * namespace (in linux mode {@code netdock.kernel.host-netns} when set) and served by the same {@link ResolverLoop}
 * as every sandbox's resolver. It answers from the host view and never forwards: what it does not know is
 * NXDOMAIN.
 */
@Component
class HostDnsListener implements DisposableBean {

    private final ResolverLoop loop;
    private final ResolverLoop.Served served;

    HostDnsListener(Plumbing plumbing, ResolverLoop loop, DnsProperties properties) {
        this.loop = loop;
        Optional<InetSocketAddress> address;
        try {
            address = HostListenerAddress.parse(properties.hostListener());
        } catch (IllegalArgumentException malformed) {
            throw new StartupRefused(malformed.getMessage(), "Set netdock.dns.host-listener to an IP and a port, "
                    + "e.g. 127.0.0.1:5353, or leave it empty.");
        }
        ResolverLoop.Served started = null;
        if (address.isPresent()) {
            DnsSockets sockets;
            try {
                sockets = plumbing.openHostListener(address.get());
            } catch (RuntimeException cannotBind) {
                throw new StartupRefused("The DNS host listener cannot listen on " + properties.hostListener()
                        + ": " + cannotBind.getMessage(), "Choose a free port for netdock.dns.host-listener.",
                        cannotBind);
            }
            started = loop.serve(Querier.host(), sockets);
        }
        this.served = started;
    }

    /** Where it listens (the real port when 0 was asked), if it is on. */
    Optional<InetSocketAddress> address() {
        return served == null ? Optional.empty()
                : Optional.of(new InetSocketAddress(DnsSockets.localAddress(served.sockets().udp()).getAddress(),
                        served.sockets().udpPort()));
    }

    @Override
    public void destroy() {
        if (served != null) {
            loop.withdraw(served);
        }
    }
}
