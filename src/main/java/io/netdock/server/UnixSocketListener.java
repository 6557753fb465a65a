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
import java.nio.file.attribute.UserPrincipalNotFoundException;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
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
 * {@code /var/run/docker.sock}: mode 0660, owned by {@code netdock.socket-group} when set, always plain HTTP
 * (file permissions are its access control, TLS only applies to TCP).
 */
@Component
class UnixSocketListener implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(UnixSocketListener.class);

    private final Path socket;
    private final GroupPrincipal group;

    UnixSocketListener(NetdockProperties properties) {
        this.socket = properties.socketPath();
        this.group = lookUpGroup(socket, properties.socketGroup());
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(this::addConnector);
    }

    /** Fails before anything listens, so a typo never leaves a socket owned by the wrong group. */
    static GroupPrincipal lookUpGroup(Path socket, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
        } catch (UserPrincipalNotFoundException unknown) {
            throw new StartupRefused("netdock.socket-group=" + name + ": there is no group named '" + name
                    + "' on this machine", "Create the group (groupadd " + name + ") and add the users who may use "
                    + "netdock to it, or name an existing group, or leave netdock.socket-group empty to keep the "
                    + "process's group.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up the group '" + name + "': " + e.getMessage(), e);
        }
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

    /**
     * Reuses the TCP connector's HTTP settings (header and URI limits) so both listeners behave the same, without
     * the TLS request customizer of a TLS connector.
     */
    private static HttpConfiguration httpConfigurationOf(Server server) {
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                if (factory instanceof HttpConnectionFactory http) {
                    HttpConfiguration configuration = new HttpConfiguration(http.getHttpConfiguration());
                    configuration.getCustomizers().removeIf(SecureRequestCustomizer.class::isInstance);
                    return configuration;
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
            refuseLiveSocket(socket);
            if (Files.exists(socket)) {
                log.info("removing stale socket {} left by an earlier run", socket);
                Files.delete(socket);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the socket " + socket + ": " + e.getMessage(), e);
        }
    }

    /** A socket a live daemon answers on is its, not a stale one from a crash: this netdock must not take it. */
    static void refuseLiveSocket(Path socket) {
        if (Files.exists(socket) && somethingAnswersOn(socket)) {
            throw new StartupRefused("netdock.socket: another daemon is already listening on " + socket,
                    "Stop it, or give this netdock a state directory of its own (--netdock.state-dir=<another "
                            + "directory>; its socket goes there) or --netdock.socket=<another path>.");
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the mode of " + socket + ": " + e.getMessage(), e);
        }
        if (group != null) {
            try {
                Files.getFileAttributeView(socket, PosixFileAttributeView.class).setGroup(group);
            } catch (IOException e) {
                throw new StartupRefused("cannot give " + socket + " to the group '" + group.getName() + "': "
                        + e.getMessage(), "Run netdock as root or as a member of '" + group.getName()
                        + "', or change netdock.socket-group.", e);
            }
        }
    }
}
