package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.ChildNetdock;
import io.netdock.testing.DockerCli;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayHost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 1 for the process streams (linux mode with processes), through the docker CLI: every long-lived
 * answer ({@code logs -f}, {@code attach}, an attached {@code exec}, {@code stats}, {@code events}, {@code wait})
 * is dropped at once when its client hangs up (no socket left, none half-closed), and SIGTERM ends them all, so
 * that netdock is gone within 2 s while they are open and their container runs.
 */
@RealKernel
class OpenStreamsKernelIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Prints a line every 0.2 s; exits at once on SIGTERM (as PID 1 it has no default action for it). */
    private static final String TICKER = "trap 'exit 0' TERM; while true; do echo tick; sleep 0.2; done";

    @Test
    void streamsEndWhenTheirClientGoesAndAtShutdown() throws Exception {
        try (ThrowawayHost host = ThrowawayHost.created("ndk-streams")) {
            Path socket = host.stateDirectory().resolve("docker.sock");
            List<String> args = List.of("--netdock.kernel.mode=linux", "--netdock.kernel.host-netns=" + host.name(),
                    "--netdock.processes=host");
            try (ChildNetdock netdock = ChildNetdock.start(host.stateDirectory(), "streams", args)) {
                DockerCli docker = new DockerCli(socket);
                docker.ok("run", "-d", "--name", "ticker", "busybox", "sh", "-c", TICKER);
                List<String[]> clients = List.of(
                        new String[] {"logs", "-f", "ticker"},
                        new String[] {"attach", "--no-stdin", "ticker"},
                        new String[] {"exec", "ticker", "sh", "-c", "while true; do echo exec; sleep 0.2; done"},
                        new String[] {"stats", "--format", "{{.Name}}", "ticker"},
                        new String[] {"events", "--since", "0", "--filter", "container=ticker"});
                for (String[] client : clients) {
                    hangUp(docker, client); // warm-up: what a first use opens for good (pools, caches)
                }
                long idle = sockets(netdock.pid());
                for (int round = 0; round < 3; round++) {
                    for (String[] client : clients) {
                        hangUp(docker, client);
                    }
                    try (SocketChannel wait = pendingWait(socket)) {
                        assertThat(wait.isOpen()).isTrue();
                    }
                }
                await().atMost(PATIENCE).untilAsserted(() ->
                        assertThat(sockets(netdock.pid())).as("sockets of netdock").isLessThanOrEqualTo(idle));

                List<Process> open = new ArrayList<>();
                for (String[] client : clients) {
                    open.add(firstLine(docker.start(client)));
                }
                try (SocketChannel wait = pendingWait(socket)) {
                    long before = System.nanoTime();
                    netdock.stop();
                    Duration shutdown = Duration.ofNanos(System.nanoTime() - before);
                    assertThat(shutdown).as("shutdown with open streams").isLessThanOrEqualTo(Duration.ofSeconds(2));
                    assertThat(readAll(wait)).contains("\"StatusCode\":-1");
                }
                // ended by netdock, not cut by its exit: the web server's graceful shutdown had nothing left to wait for
                assertThat(netdock.output()).contains("Graceful shutdown complete")
                        .doesNotContain("Graceful shutdown aborted");
                for (Process client : open) {
                    client.destroyForcibly(); // docker stats keeps trying on its own
                    client.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Starts {@code client}, waits for its first line of output (its stream is open), then kills it (SIGKILL). */
    private static void hangUp(DockerCli docker, String[] client) throws InterruptedException {
        Process process = firstLine(docker.start(client));
        process.destroyForcibly();
        process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private static Process firstLine(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(line).as("first line of %s", process.info().commandLine().orElse("the client")).isNotNull();
        CompletableFuture.runAsync(() -> {
            try {
                process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException gone) {
                // the client ended
            }
        });
        return process;
    }

    /** A {@code POST /wait} of the running ticker whose headers were read: certainly pending. */
    private static SocketChannel pendingWait(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        channel.write(ByteBuffer.wrap(("POST /containers/ticker/wait HTTP/1.1\r\nHost: d\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        StringBuilder headers = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!headers.toString().endsWith("\r\n\r\n")) {
            one.clear();
            if (channel.read(one) < 0) {
                break;
            }
            headers.append((char) one.get(0));
        }
        assertThat(headers.toString()).startsWith("HTTP/1.1 200");
        return channel;
    }

    private static String readAll(SocketChannel channel) throws IOException {
        StringBuilder text = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (true) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                return text.toString();
            }
            text.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
        }
    }

    /** netdock's open sockets: a stream kept after its client left holds one (half-closed, CLOSE_WAIT). */
    private static long sockets(long pid) throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
