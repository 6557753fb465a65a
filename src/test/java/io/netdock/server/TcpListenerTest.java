package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;

/** Port defaults and the exposure rule, applied to the web server factory before anything binds. */
class TcpListenerTest {

    private static final TlsProperties NO_TLS = new TlsProperties(false, false, null, null, null);
    private static final TcpProperties SAFE = new TcpProperties(false);

    @TempDir
    Path dir;

    @Test
    void docker2375WithoutTls() {
        JettyServletWebServerFactory factory = loopbackFactory();
        new TcpListener(new ServerProperties(), NO_TLS, SAFE).customize(factory);
        assertThat(factory.getPort()).isEqualTo(2375);
        assertThat(factory.getSsl()).isNull();
    }

    @Test
    void docker2376WithTls() throws IOException {
        JettyServletWebServerFactory factory = loopbackFactory();
        new TcpListener(new ServerProperties(), verifying(), SAFE).customize(factory);
        assertThat(factory.getPort()).isEqualTo(2376);
        assertThat(factory.getSsl().isEnabled()).isTrue();
    }

    @Test
    void anExplicitPortWins() throws IOException {
        ServerProperties server = new ServerProperties();
        server.setPort(12376);
        JettyServletWebServerFactory factory = loopbackFactory();
        factory.setPort(12376);
        new TcpListener(server, verifying(), SAFE).customize(factory);
        assertThat(factory.getPort()).isEqualTo(12376);
    }

    @Test
    void everyInterfaceWithoutTlsIsRefused() throws IOException {
        JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
        factory.setAddress(InetAddress.getByName("0.0.0.0"));
        TcpListener listener = new TcpListener(new ServerProperties(), NO_TLS, SAFE);
        assertThatThrownBy(() -> listener.customize(factory)).isInstanceOf(StartupRefused.class)
                .hasMessageStartingWith("refusing to listen on tcp port 2375 of every interface");
    }

    @Test
    void everyInterfaceWithClientVerificationIsFine() throws IOException {
        JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
        factory.setAddress(InetAddress.getByName("::"));
        new TcpListener(new ServerProperties(), verifying(), SAFE).customize(factory);
        assertThat(factory.getSsl().isEnabled()).isTrue();
    }

    @Test
    void everyInterfaceWithoutTlsStartsWhenInsecureIsExplicit() throws IOException {
        JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
        factory.setAddress(InetAddress.getByName("0.0.0.0"));
        new TcpListener(new ServerProperties(), NO_TLS, new TcpProperties(true)).customize(factory);
        assertThat(factory.getPort()).isEqualTo(2375);
    }

    private JettyServletWebServerFactory loopbackFactory() {
        JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
        factory.setAddress(InetAddress.getLoopbackAddress());
        return factory;
    }

    private TlsProperties verifying() throws IOException {
        return new TlsProperties(false, true, Files.writeString(dir.resolve("ca.pem"), "x"),
                Files.writeString(dir.resolve("cert.pem"), "x"), Files.writeString(dir.resolve("key.pem"), "x"));
    }
}
