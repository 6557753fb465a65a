package io.netdock.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Serves the same API on a Unix domain socket next to the TCP listener, like dockerd's
 * {@code /var/run/docker.sock}.
 */
@Component
class UnixSocketListener implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(UnixSocketListener.class);

    private final Path socket;
    private final String group;

    UnixSocketListener(NetdockProperties properties) {
        this.socket = properties.socketPath();
        this.group = properties.socketGroup();
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(this::addConnector);
    }

    private void addConnector(Server server) {
        prepareSocketPath();
        UnixDomainServerConnector connector =
                new UnixDomainServerConnector(server, new HttpConnectionFactory(httpConfigurationOf(server)));
        connector.setUnixDomainPath(socket);
        connector.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                restrictAccess();
                log.info("netdock is listening; point Docker clients at it with:  export DOCKER_HOST=unix://{}",
                        socket);
            }
        });
        server.addConnector(connector);
    }

    /** Reuses the TCP connector's HTTP settings so both listeners behave the same. */
    private static HttpConfiguration httpConfigurationOf(Server server) {
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                if (factory instanceof HttpConnectionFactory http) {
                    return new HttpConfiguration(http.getHttpConfiguration());
                }
            }
        }
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        return configuration;
    }

    private void prepareSocketPath() {
        try {
            Files.createDirectories(socket.getParent());
            if (Files.exists(socket)) {
                if (somethingAnswersOn(socket)) {
                    throw new IllegalStateException("another daemon is already listening on " + socket
                            + "; stop it or start netdock with --netdock.socket=<another path>");
                }
                log.info("removing stale socket {} left by an earlier run", socket);
                Files.delete(socket);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the socket " + socket + ": " + e.getMessage(), e);
        }
    }

    private static boolean somethingAnswersOn(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException nothingThere) {
            return false;
        }
    }

    private void restrictAccess() {
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
            if (group != null && !group.isBlank()) {
                GroupPrincipal principal = socket.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName(group);
                Files.getFileAttributeView(socket, PosixFileAttributeView.class).setGroup(principal);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set owner and mode of " + socket + ": " + e.getMessage(), e);
        }
    }
}
