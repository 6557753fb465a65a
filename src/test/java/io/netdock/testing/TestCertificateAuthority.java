package io.netdock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority made at test time (EC P-256, valid for a day) and the server and client
 * certificates it signs, written as the PEM files dockerd and the docker CLI read. No key ever leaves the test.
 */
public final class TestCertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] IN_MEMORY_PASSWORD = "unused".toCharArray();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificateAuthority(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    public static TestCertificateAuthority create(String name) {
        KeyPair keys = newKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        try {
            X509Certificate certificate = sign(subject, keys.getPrivate(), builder(subject, subject, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
            return new TestCertificateAuthority(keys, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}. */
    public Issued issueServer(String name) {
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1")
        });
        return issue(name, KeyPurposeId.id_kp_serverAuth, names);
    }

    public Issued issueClient(String name) {
        return issue(name, KeyPurposeId.id_kp_clientAuth, null);
    }

    public void writeCertificate(Path file) {
        writePem(file, certificate);
    }

    /** A directory laid out like {@code DOCKER_CERT_PATH}: {@code ca.pem}, {@code cert.pem}, {@code key.pem}. */
    public Path dockerCertPath(Path directory, Issued client) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeCertificate(directory.resolve("ca.pem"));
        client.writeCertificate(directory.resolve("cert.pem"));
        client.writeKey(directory.resolve("key.pem"));
        return directory;
    }

    /** A client TLS context that trusts this CA and, when given one, presents a client certificate. */
    public SSLContext clientContext(Issued client) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            KeyManagerFactory keyManagers = null;
            if (client != null) {
                KeyStore identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                identity.setKeyEntry("client", client.key(), IN_MEMORY_PASSWORD,
                        new X509Certificate[] {client.certificate()});
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(identity, IN_MEMORY_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trust.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS client context", e);
        }
    }

    private Issued issue(String name, KeyPurposeId purpose, GeneralNames alternativeNames) {
        try {
            KeyPair leaf = newKeyPair();
            X500Name issuer = new X500Name(certificate.getSubjectX500Principal().getName());
            X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + name), leaf)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new Issued(sign(issuer, keys.getPrivate(), builder), leaf.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X500Name issuer, PrivateKey signer, X509v3CertificateBuilder builder) {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a certificate as " + issuer, e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePem(Path file, Object object) {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A certificate this CA signed, with its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {

        public void writeCertificate(Path file) {
            writePem(file, certificate);
        }

        /** Unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), as openssl genpkey writes it. */
        public void writeKey(Path file) {
            try {
                writePem(file, new JcaPKCS8Generator(key, null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
