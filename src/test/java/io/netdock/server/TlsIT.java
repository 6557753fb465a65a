package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.testing.DockerCli;
import io.netdock.testing.RunningNetdock;
import io.netdock.testing.TestCertificateAuthority;
import io.netdock.testing.TestCertificateAuthority.Issued;
import io.netdock.testing.UnixSocketClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS on the TCP listener like {@code dockerd --tlsverify}: certificates made at test time, clients with a
 * certificate from the configured CA get in, everyone else is refused during the handshake.
 */
class TlsIT {

    private static Path certificates;
    private static TestCertificateAuthority authority;
    private static TestCertificateAuthority stranger;
    private static Issued client;
    private static Issued strangersClient;
    private static RunningNetdock netdock;

    @BeforeAll
    static void startWithTlsVerify() throws IOException {
        certificates = Files.createTempDirectory("netdock-tls");
        authority = TestCertificateAuthority.create("netdock test CA");
        stranger = TestCertificateAuthority.create("some other CA");
        client = authority.issueClient("docker client");
        strangersClient = stranger.issueClient("docker client");
        Issued server = authority.issueServer("netdock");
        authority.writeCertificate(certificates.resolve("ca.pem"));
        server.writeCertificate(certificates.resolve("server-cert.pem"));
        server.writeKey(certificates.resolve("server-key.pem"));
        netdock = RunningNetdock.start("--netdock.tls.verify=true",
                "--netdock.tls.ca-cert=" + certificates.resolve("ca.pem"),
                "--netdock.tls.cert=" + certificates.resolve("server-cert.pem"),
                "--netdock.tls.key=" + certificates.resolve("server-key.pem"));
    }

    @AfterAll
    static void stop() {
        if (netdock != null) {
            netdock.close();
        }
    }

    @Test
    void aClientWithACertificateFromTheCaGetsIn() throws Exception {
        HttpResponse<String> ping = get(authority.clientContext(client), "/_ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("OK");
        HttpResponse<String> version = get(authority.clientContext(client), "/v1.41/version");
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).contains("\"ApiVersion\":\"1.51\"");
    }

    @Test
    void aClientWithoutACertificateIsRefused() {
        assertThatThrownBy(() -> get(authority.clientContext(null), "/_ping"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessage("Received fatal alert: bad_certificate");
    }

    @Test
    void aClientWithACertificateFromAnotherCaIsRefused() {
        assertThatThrownBy(() -> get(authority.clientContext(strangersClient), "/_ping"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessage("Received fatal alert: bad_certificate");
    }

    @Test
    void tlsWithoutVerifyLetsClientsInWithoutACertificate() throws Exception {
        try (RunningNetdock encryptedOnly = RunningNetdock.start("--netdock.tls.enabled=true",
                "--netdock.tls.cert=" + certificates.resolve("server-cert.pem"),
                "--netdock.tls.key=" + certificates.resolve("server-key.pem"))) {
            HttpResponse<String> ping = get(authority.clientContext(null), encryptedOnly.port(), "/_ping");
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.body()).isEqualTo("OK");
        }
    }

    @Test
    void plainHttpGetsNoAnswerFromTheTlsPort() {
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + netdock.port() + "/_ping"))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theUnixSocketStaysPlain() throws Exception {
        try (UnixSocketClient socket = new UnixSocketClient(netdock.socket())) {
            assertThat(socket.get("/_ping").getContentAsString()).isEqualTo("OK");
        }
    }

    @Test
    void theDockerCliConnectsWithDockerCertPath() throws Exception {
        DockerCli docker = DockerCli.require();
        Map<String, String> environment = Map.of(
                "DOCKER_HOST", "tcp://127.0.0.1:" + netdock.port(),
                "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", authority.dockerCertPath(certificates.resolve("client"), client).toString());

        DockerCli.Result version = docker.run(environment, "version", "--format", "{{.Server.APIVersion}}");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().strip()).isEqualTo("1.51");

        DockerCli.Result info = docker.run(environment, "info", "--format", "{{.OSType}} {{.Driver}}");
        assertThat(info.exitCode()).as(info.output()).isZero();
        assertThat(info.output().strip()).isEqualTo("linux netdock");
    }

    @Test
    void theDockerCliWithAnotherCasCertificateIsRefused() throws Exception {
        DockerCli docker = DockerCli.require();
        Path foreign = certificates.resolve("foreign-client");
        stranger.dockerCertPath(foreign, strangersClient);
        // trust netdock's server certificate, present the stranger's client certificate
        authority.writeCertificate(foreign.resolve("ca.pem"));
        Map<String, String> environment = Map.of(
                "DOCKER_HOST", "tcp://127.0.0.1:" + netdock.port(),
                "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", foreign.toString());

        DockerCli.Result version = docker.run(environment, "version", "--format", "{{.Server.APIVersion}}");
        assertThat(version.exitCode()).isNotZero();
        assertThat(version.output()).contains("remote error: tls: bad certificate");
    }

    private static HttpResponse<String> get(SSLContext tls, String path) throws IOException, InterruptedException {
        return get(tls, netdock.port(), path);
    }

    private static HttpResponse<String> get(SSLContext tls, int port, String path)
            throws IOException, InterruptedException {
        HttpClient https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(30)).build();
        return https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
