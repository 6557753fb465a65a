package io.netdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.DockerCli;
import io.netdock.testing.UnixSocketClient;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, point 8: a normal start with the README's command ({@code scripts/netdock}), ordinary work and
 * clients that hang up (the CLI's {@code docker run -d}, an events or stats stream closed, an answer abandoned
 * half-way, a path Docker does not have) log no WARN and no ERROR, and none of the noise the issue lists.
 */
class QuietLogIT {

    private static final Path LAUNCHER = Path.of("scripts/netdock").toAbsolutePath();
    private static final Path JAR = Path.of("target/netdock.jar").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path state;

    @Test
    void startWorkAndDisconnectingClientsLogNoWarningOrError() throws Exception {
        Path log = state.resolve("netdock.log");
        Path socket = state.resolve("docker.sock");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "--netdock.state-dir=" + state,
                "--server.port=0").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("NETDOCK_JAR", JAR.toString());
        builder.environment().put("NETDOCK_CLASS_CACHE", "off");
        builder.environment().remove("NETDOCK_JAVA_OPTS");
        Process netdock = builder.start();
        try (UnixSocketClient client = new UnixSocketClient(socket)) {
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> !netdock.isAlive() || client.get("/_ping").getStatus() == 200);
            assertThat(netdock.isAlive()).as(Files.readString(log)).isTrue();

            DockerCli docker = new DockerCli(socket);
            String id = docker.ok("run", "-d", "--name", "quiet", "-p", "80", "busybox");
            docker.ok("network", "create", "quiet-net");
            docker.ok("network", "connect", "quiet-net", id);
            docker.ok("ps");
            docker.run("inspect", "no-such-thing");
            hangUpAfterTheHeaders(socket, "GET /events HTTP/1.1");
            hangUpAfterTheHeaders(socket, "GET /containers/quiet/stats HTTP/1.1");
            hangUpAfterTheHeaders(socket, "POST /containers/quiet/wait HTTP/1.1");
            hangUpAfterTheHeaders(socket, "GET /nothing-docker-has HTTP/1.1");
            for (int i = 0; i < 20; i++) {
                hangUpAfterTheHeaders(socket, "GET /netdock/openapi.yaml HTTP/1.1");
            }
            docker.ok("rm", "-f", id);
        } finally {
            netdock.destroy();
            assertThat(netdock.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)).as("netdock stops").isTrue();
        }

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("the log").anyMatch(line -> line.contains(" INFO "));
        assertThat(lines).as("the log").noneMatch(line -> line.matches(".*\\s(WARN|ERROR)\\s.*"))
                .noneMatch(line -> line.contains("Exception") || line.contains("\tat "))
                .noneMatch(line -> line.contains("ports.range=null"))
                .noneMatch(line -> line.contains("Jetty started on ports"))
                .noneMatch(line -> line.contains("Bean Validation"));
    }

    /** Sends a request, reads the first bytes of the answer and closes the connection without reading on. */
    private static void hangUpAfterTheHeaders(Path socket, String requestLine) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap((requestLine + "\r\nHost: d\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            channel.read(ByteBuffer.allocate(16));
        }
    }
}
