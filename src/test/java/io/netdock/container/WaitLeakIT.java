package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.ChildNetdock;
import io.netdock.testing.DockerCli;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, point 1: {@code docker run -d} leaves nothing behind. The CLI opens {@code POST /wait?condition=
 * next-exit} before it starts the container and hangs up once it has started it; netdock must drop that wait
 * at once (no descriptor, no half-closed socket), and SIGTERM must not wait for containers that keep running
 * or for clients still waiting on them.
 */
class WaitLeakIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void runDetachedLeavesNoDescriptorAndShutdownAnswersPendingWaits(@TempDir Path temp) throws Exception {
        Path stateDir = temp.resolve("state");
        try (ChildNetdock netdock = ChildNetdock.start(stateDir, "wait-leak", List.of())) {
            DockerCli docker = new DockerCli(stateDir.resolve("docker.sock"));
            docker.ok("run", "-d", "--name", "warm-up", "busybox", "sleep", "1000");
            docker.ok("ps", "-q");
            long idle = openDescriptors(netdock.pid());

            for (int i = 0; i < 20; i++) {
                docker.ok("run", "-d", "busybox", "sleep", "1000");
            }
            assertThat(docker.ok("ps", "-q").lines()).hasSize(21);
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(openDescriptors(netdock.pid())).isLessThanOrEqualTo(idle));

            try (SocketChannel waiting = SocketChannel.open(UnixDomainSocketAddress.of(stateDir.resolve("docker.sock")))) {
                waiting.write(ByteBuffer.wrap(("POST /containers/warm-up/wait?condition=next-exit HTTP/1.1\r\n"
                        + "Host: d\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                String headers = readUntil(waiting, "\r\n\r\n");
                assertThat(headers).startsWith("HTTP/1.1 200");

                long before = System.nanoTime();
                netdock.stop();
                Duration shutdown = Duration.ofNanos(System.nanoTime() - before);

                assertThat(readUntil(waiting, null))
                        .contains("{\"StatusCode\":-1,\"Error\":{\"Message\":\"netdock is shutting down\"}}");
                assertThat(shutdown).isLessThanOrEqualTo(Duration.ofSeconds(2));
            }
            assertThat(netdock.output())
                    .contains("Graceful shutdown complete")
                    .doesNotContain("Graceful shutdown aborted");
        }
    }

    /** What the server sends until {@code end} (or until it closes the connection, when {@code end} is null). */
    private static String readUntil(SocketChannel channel, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (end == null || !text.toString().contains(end)) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                break;
            }
            text.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static long openDescriptors(long pid) throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return descriptors.count();
        }
    }
}
