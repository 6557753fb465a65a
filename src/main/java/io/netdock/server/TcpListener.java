package io.netdock.server;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * The TCP listener, like dockerd's {@code -H tcp://}: TLS from {@code netdock.tls.*}, Docker's conventional
 * port when none is set (2375 plain, 2376 with TLS), and no listener reachable from other hosts without client
 * verification unless {@code netdock.tcp.insecure=true} says so.
 */
@Component
class TcpListener implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    static final int PLAIN_PORT = 2375;
    static final int TLS_PORT = 2376;

    private static final Logger log = LoggerFactory.getLogger(TcpListener.class);

    private final ServerProperties server;
    private final TlsProperties tls;
    private final TcpProperties tcp;

    TcpListener(ServerProperties server, TlsProperties tls, TcpProperties tcp) {
        this.server = server;
        this.tls = tls;
        this.tcp = tcp;
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        Ssl ssl = tls.toSsl();
        if (ssl != null) {
            factory.setSsl(ssl);
        }
        refusePortOutOfRange(server.getPort());
        factory.setPort(portFor(server.getPort(), Ssl.isEnabled(factory.getSsl())));
        TcpExposure exposure = TcpExposure.of(factory.getAddress(), factory.getSsl());
        if (exposure.openToTheNetwork() && !tcp.insecure()) {
            throw exposure.refusal(factory.getPort());
        }
        factory.addServerCustomizers(jetty -> reportWhenListening(jetty, exposure));
    }

    /** The port to listen on: the configured one, else Docker's convention (2375 plain, 2376 with TLS). */
    static int portFor(Integer configured, boolean tls) {
        if (configured != null) {
            return configured;
        }
        return tls ? TLS_PORT : PLAIN_PORT;
    }

    static void refusePortOutOfRange(Integer port) {
        if (port != null && (port < 0 || port > 65535)) {
            throw new StartupRefused("server.port=" + port + " is not a TCP port",
                    "Give a port between 1 and 65535 (--server.port=2376), or 0 for a free one.");
        }
    }

    /**
     * Another process listening on the address and port would make the start fail after the database is open; say
     * so before anything starts. (A port taken in the moment between this check and the start still fails then.)
     */
    static void refusePortInUse(String address, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException inUse) {
            throw new StartupRefused("server.port=" + port + ": " + address + ":" + port + " is in use by another "
                    + "process (" + inUse.getMessage() + ")", "Stop it, or start netdock with --server.port=<another "
                    + "port>; a second netdock on this machine also needs --netdock.state-dir=<another directory>.",
                    inUse);
        }
    }

    private void reportWhenListening(Server jetty, TcpExposure exposure) {
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector tcpConnector) {
                tcpConnector.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarted(LifeCycle event) {
                        report(exposure, tcpConnector.getLocalPort());
                    }
                });
            }
        }
    }

    private void report(TcpExposure exposure, int port) {
        if (exposure.openToTheNetwork()) {
            log.warn(exposure.warning(port));
        }
        String host = exposure.loopbackOnly() ? hostOf(exposure) : "<this host>";
        if (exposure.verified()) {
            log.info("listening on {} with TLS client verification; point Docker clients at it with:  export "
                    + "DOCKER_HOST=tcp://{}:{} DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<directory with ca.pem, cert.pem, "
                    + "key.pem>", exposure.where(port), host, port);
        } else if (exposure.encrypted()) {
            log.info("listening on {} with TLS (no client certificates); point Docker clients at it with:  export "
                    + "DOCKER_HOST=tcp://{}:{} DOCKER_TLS=1", exposure.where(port), host, port);
        } else {
            log.info("listening on {}; point Docker clients at it with:  export DOCKER_HOST=tcp://{}:{}",
                    exposure.where(port), host, port);
        }
    }

    /** A loopback address as a client would type it: IPv6 loopback is only ever ::1. */
    private static String hostOf(TcpExposure exposure) {
        return exposure.address() instanceof Inet6Address ? "[::1]" : exposure.address().getHostAddress();
    }
}
