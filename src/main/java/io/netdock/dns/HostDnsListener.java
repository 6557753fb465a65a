package io.netdock.dns;

import io.netdock.server.StartupRefused;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@code netdock.dns.host-listener}: every container's names served on the host (UDP and TCP), in both kernel
 * modes — {@code dig @127.0.0.1 -p 5353 web.mynet}. Off by default. It answers from the host view and never
 * forwards: what it does not know is NXDOMAIN.
 */
@Component
class HostDnsListener implements DisposableBean {

    private final DnsSocketServer server;

    HostDnsListener(DnsService service, DnsProperties properties) {
        Optional<InetSocketAddress> address;
        try {
            address = HostListenerAddress.parse(properties.hostListener());
        } catch (IllegalArgumentException malformed) {
            throw new StartupRefused(malformed.getMessage(), "Set netdock.dns.host-listener to an IP and a port, "
                    + "e.g. 127.0.0.1:5353, or leave it empty.");
        }
        DnsSocketServer started = null;
        if (address.isPresent()) {
            try {
                started = new DnsSocketServer(service, Querier.host(), address.get());
            } catch (IOException | RuntimeException cannotBind) {
                throw new StartupRefused("The DNS host listener cannot listen on " + properties.hostListener()
                        + ": " + cannotBind.getMessage(), "Choose a free port for netdock.dns.host-listener.",
                        cannotBind);
            }
        }
        this.server = started;
    }

    /** Where it listens (the real port when 0 was asked), if it is on. */
    Optional<InetSocketAddress> address() {
        return server == null ? Optional.empty() : Optional.of(server.bound());
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.close();
        }
    }
}
