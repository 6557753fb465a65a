package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.ChildNetdock;
import io.netdock.testing.DockerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

            Process waiting = docker.start("wait", "warm-up");
            await().atMost(PATIENCE).until(() -> openDescriptors(netdock.pid()) > idle);

            long before = System.nanoTime();
            netdock.stop();
            Duration shutdown = Duration.ofNanos(System.nanoTime() - before);

            assertThat(waiting.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(new String(waiting.getInputStream().readAllBytes())).isEqualTo("-1\n");
            assertThat(netdock.output())
                    .contains("Graceful shutdown complete")
                    .doesNotContain("Graceful shutdown aborted");
            assertThat(shutdown).isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    private static long openDescriptors(long pid) throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return descriptors.count();
        }
    }
}
