package io.netdock.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.server.Ssl;

/**
 * TLS on the TCP listener, like dockerd's {@code --tls} / {@code --tlsverify} flags. The files are PEM, as
 * Docker uses them; the Unix socket always stays plain.
 *
 * @param enabled serve TLS, without asking clients for a certificate ({@code dockerd --tls})
 * @param verify  serve TLS and accept only clients whose certificate is signed by {@code netdock.tls.ca-cert}
 *                ({@code dockerd --tlsverify}); implies {@code netdock.tls.enabled}
 * @param caCert  PEM file of the CA(s) that sign client certificates ({@code --tlscacert})
 * @param cert    PEM file of the server certificate, optionally followed by its chain ({@code --tlscert})
 * @param key     PEM file of the server certificate's private key, unencrypted ({@code --tlskey})
 */
@ConfigurationProperties("netdock.tls")
public record TlsProperties(boolean enabled, boolean verify, Path caCert, Path cert, Path key) {

    /** Whether the TCP listener speaks TLS. */
    public boolean active() {
        return enabled || verify;
    }

    /**
     * Boot's SSL settings for the TCP connector; refuses half-configured TLS rather than falling back to plain
     * HTTP.
     */
    Ssl toSsl() {
        if (!active()) {
            if (cert != null || key != null || caCert != null) {
                throw new StartupRefused("netdock.tls.cert, netdock.tls.key or netdock.tls.ca-cert is set but TLS is "
                        + "off, so the TCP listener would serve plain HTTP",
                        "Set netdock.tls.verify=true (clients need a certificate signed by netdock.tls.ca-cert) or "
                                + "netdock.tls.enabled=true (TLS without client certificates), or remove the TLS files.");
            }
            return null;
        }
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        ssl.setCertificate(location("netdock.tls.cert", cert, "the server certificate"));
        ssl.setCertificatePrivateKey(location("netdock.tls.key", key, "the server certificate's private key"));
        if (verify) {
            ssl.setTrustCertificate(location("netdock.tls.ca-cert", caCert, "the CA that signs client certificates"));
            ssl.setClientAuth(Ssl.ClientAuth.NEED);
        } else {
            ssl.setClientAuth(Ssl.ClientAuth.NONE);
        }
        return ssl;
    }

    private String location(String property, Path file, String what) {
        String mode = verify ? "netdock.tls.verify=true" : "netdock.tls.enabled=true";
        if (file == null) {
            throw new StartupRefused(mode + " needs " + property + " (" + what + ", a PEM file)",
                    "Set " + property + "=<path to the PEM file>; the README's \"Security\" section shows how to "
                            + "make a CA and certificates with openssl.");
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
            throw new StartupRefused(property + "=" + file + ": no readable file at " + absolute,
                    "Point " + property + " at " + what + " (a PEM file netdock can read).");
        }
        return absolute.toUri().toString();
    }
}
