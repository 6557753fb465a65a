package io.netdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.UnixSocketClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, {@code scripts/netdock}: it trains its class cache once per build without the
 * caller's configuration, then starts netdock with the daemon's JVM defaults and that cache.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("scripts/netdock").toAbsolutePath();
    private static final Path JAR = Path.of("target/netdock.jar").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path cache;

    @TempDir
    Path state;

    @Test
    void preparesTheClassCacheOnceThenStartsNetdockWithIt() throws Exception {
        // The caller's configuration stays out of the training run: this socket group does not exist, so netdock
        // would refuse to start with it.
        Path prepareLog = state.resolve("prepare.log");
        Process prepare = launcher(prepareLog, Map.of("NETDOCK_SOCKET_GROUP", "no-such-group-netdock-launcher"),
                "--prepare");
        assertThat(prepare.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)).as("--prepare finishes").isTrue();
        assertThat(prepare.exitValue()).as(Files.readString(prepareLog)).isZero();
        assertThat(classCaches()).as(Files.readString(prepareLog)).hasSize(1);

        Path runLog = state.resolve("netdock.log");
        Path socket = state.resolve("docker.sock");
        Process netdock = launcher(runLog, Map.of(), "--netdock.state-dir=" + state, "--server.port=0");
        try (UnixSocketClient client = new UnixSocketClient(socket)) {
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> !netdock.isAlive() || client.get("/_ping").getStatus() == 200);
            assertThat(netdock.isAlive()).as(Files.readString(runLog)).isTrue();
            assertThat(client.get("/_ping").getContentAsString()).isEqualTo("OK");

            String commandLine = Files.readString(Path.of("/proc/" + netdock.pid() + "/cmdline")).replace('\0', ' ');
            assertThat(commandLine).contains("-XX:+UseSerialGC", "-Xms32m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-jar " + cache);
            assertThat(commandLine).containsPattern("-XX:(SharedArchiveFile|AOTCache)=" + cache);
            assertThat(Files.readString(runLog)).as("no second training run").doesNotContain("training");
        } finally {
            netdock.destroy();
            assertThat(netdock.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)).as("netdock stops").isTrue();
        }
    }

    private Process launcher(Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("NETDOCK_JAR", JAR.toString());
        builder.environment().put("NETDOCK_CACHE_DIR", cache.toString());
        builder.environment().remove("NETDOCK_JAVA_OPTS");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private List<Path> classCaches() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(file -> file.getFileName().toString().matches("classes-.*\\.(jsa|aot)")).toList();
        }
    }
}
