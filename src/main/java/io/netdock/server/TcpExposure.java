package io.netdock.server;

import java.net.InetAddress;
import org.springframework.boot.web.server.Ssl;

/**
 * Who can reach the TCP listener and whether they must prove who they are: dockerd's rule that a listener
 * reachable from other hosts needs TLS client verification ({@code --tlsverify}). Loopback addresses
 * (127.0.0.0/8, ::1) stay on this host; the wildcard addresses ({@code 0.0.0.0}, {@code ::}) and every other
 * address do not.
 *
 * @param address   the bind address; {@code null} binds every interface
 * @param encrypted the listener speaks TLS
 * @param verified  the listener accepts only clients with a certificate signed by the configured CA
 */
record TcpExposure(InetAddress address, boolean encrypted, boolean verified) {

    static TcpExposure of(InetAddress address, Ssl ssl) {
        boolean encrypted = Ssl.isEnabled(ssl);
        return new TcpExposure(address, encrypted, encrypted && ssl.getClientAuth() == Ssl.ClientAuth.NEED);
    }

    boolean loopbackOnly() {
        return address != null && address.isLoopbackAddress();
    }

    /** Reachable from other hosts by clients that need no certificate: only with explicit consent. */
    boolean openToTheNetwork() {
        return !loopbackOnly() && !verified;
    }

    StartupRefused refusal(int port) {
        return new StartupRefused("refusing to listen on " + where(port) + " " + protection()
                + ": anyone who can reach that address could control netdock",
                "Use TLS with client certificates (netdock.tls.verify=true with netdock.tls.ca-cert, netdock.tls.cert "
                        + "and netdock.tls.key, see the README's \"Security\" section), or listen on loopback only "
                        + "(server.address=127.0.0.1), or accept the risk explicitly with netdock.tcp.insecure=true.");
    }

    String warning(int port) {
        return "netdock.tcp.insecure=true: the Docker API on " + where(port) + " is served " + protection()
                + ". Anyone who can reach it can create, change and remove networks and containers and publish "
                + "ports on this host. Prefer netdock.tls.verify=true.";
    }

    String where(int port) {
        String host = address == null || address.isAnyLocalAddress() ? "every interface" : "address "
                + address.getHostAddress();
        return "tcp port " + port + " of " + host;
    }

    private String protection() {
        return encrypted ? "over TLS without client certificates (no authentication)"
                : "over plain HTTP without TLS (no encryption, no authentication)";
    }
}
