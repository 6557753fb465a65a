package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.Ssl;

class TlsPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void offByDefault() {
        TlsProperties off = new TlsProperties(false, false, null, null, null);
        assertThat(off.active()).isFalse();
        assertThat(off.toSsl()).isNull();
    }

    @Test
    void verifyNeedsClientCertificatesSignedByTheCa() throws IOException {
        Ssl ssl = new TlsProperties(false, true, file("ca.pem"), file("cert.pem"), file("key.pem")).toSsl();
        assertThat(ssl.isEnabled()).isTrue();
        assertThat(ssl.getClientAuth()).isEqualTo(Ssl.ClientAuth.NEED);
        assertThat(ssl.getTrustCertificate()).isEqualTo(dir.resolve("ca.pem").toUri().toString());
        assertThat(ssl.getCertificate()).isEqualTo(dir.resolve("cert.pem").toUri().toString());
        assertThat(ssl.getCertificatePrivateKey()).isEqualTo(dir.resolve("key.pem").toUri().toString());
        assertThat(ssl.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void enabledAloneEncryptsWithoutAskingForACertificate() throws IOException {
        Ssl ssl = new TlsProperties(true, false, null, file("cert.pem"), file("key.pem")).toSsl();
        assertThat(ssl.getClientAuth()).isEqualTo(Ssl.ClientAuth.NONE);
        assertThat(ssl.getTrustCertificate()).isNull();
    }

    @Test
    void verifyWithoutACaIsRefused() throws IOException {
        TlsProperties noCa = new TlsProperties(false, true, null, file("cert.pem"), file("key.pem"));
        assertThatThrownBy(noCa::toSsl).isInstanceOf(StartupRefused.class)
                .hasMessage("netdock.tls.verify=true needs netdock.tls.ca-cert (the CA that signs client certificates, "
                        + "a PEM file)");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path missing = dir.resolve("nowhere/key.pem");
        TlsProperties noKey = new TlsProperties(true, false, null, file("cert.pem"), missing);
        assertThatThrownBy(noKey::toSsl).isInstanceOf(StartupRefused.class)
                .hasMessage("netdock.tls.key=" + missing + ": no readable file at " + missing);
    }

    @Test
    void certificatesWithoutTlsSwitchedOnAreRefusedRatherThanServedPlain() throws IOException {
        TlsProperties forgotten = new TlsProperties(false, false, file("ca.pem"), file("cert.pem"), file("key.pem"));
        assertThatThrownBy(forgotten::toSsl).isInstanceOf(StartupRefused.class)
                .hasMessageContaining("but TLS is off");
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "-----BEGIN CERTIFICATE-----\n");
    }
}
