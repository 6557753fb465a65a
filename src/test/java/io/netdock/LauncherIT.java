package io.netdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.settings.Setting;
import io.netdock.settings.Settings;
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
                    "-XX:CompileThresholdScaling=0.05", "-XX:ReservedCodeCacheSize=240m", "-jar " + cache);
            assertThat(commandLine).containsPattern("-XX:(SharedArchiveFile|AOTCache)=" + cache);
            assertThat(Files.readString(runLog)).as("no second training run").doesNotContain("training");
            assertThat(Files.readAllLines(runLog).get(0)).as("the first line says what this netdock is")
                    .contains("netdock: simulated mode, socket " + socket + ", TCP 127.0.0.1:<a free port>, "
                            + "database H2 " + state.resolve("netdock") + ", state directory " + state);
        } finally {
            netdock.destroy();
            assertThat(netdock.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)).as("netdock stops").isTrue();
        }
    }

    @Test
    void aFirstStartDoesNotWaitForTheClassCacheWhichIsTrainedBesideItForTheNextStart() throws Exception {
        Process first = startAndPing(state.resolve("first.log"));
        try {
            assertThat(commandLineOf(first)).as("started without a cache").doesNotContain("-XX:SharedArchiveFile",
                    "-XX:AOTCache=");
            await().atMost(PATIENCE).until(() -> classCaches().size() == 1);
        } finally {
            stop(first);
        }

        Files.deleteIfExists(state.resolve("docker.sock"));
        Path secondLog = state.resolve("second.log");
        Process second = startAndPing(secondLog);
        try {
            assertThat(commandLineOf(second)).containsPattern("-XX:(SharedArchiveFile|AOTCache)=" + cache);
            assertThat(Files.readString(secondLog)).as("no second training run").doesNotContain("trained");
        } finally {
            stop(second);
        }
    }

    @Test
    void theTrainingStopsWithTheNetdockItAccompaniesAndLeavesNoCache() throws Exception {
        stop(startAndPing(state.resolve("netdock.log")));
        await().atMost(PATIENCE).until(() -> processesMentioning(cache.toString()).isEmpty());
        assertThat(classCaches()).as("no cache from a training cut short").isEmpty();
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(file -> file.toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    /** The launcher without --prepare, in this test's state directory, once it answers its first /_ping. */
    private Process startAndPing(Path log) throws Exception {
        Process netdock = launcher(log, Map.of(), "--netdock.state-dir=" + state, "--server.port=0");
        try (UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> !netdock.isAlive() || client.get("/_ping").getStatus() == 200);
        }
        if (!netdock.isAlive()) {
            throw new AssertionError("netdock did not start: " + Files.readString(log));
        }
        return netdock;
    }

    private static void stop(Process netdock) throws InterruptedException {
        netdock.destroy();
        assertThat(netdock.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)).as("netdock stops").isTrue();
    }

    private static String commandLineOf(Process process) throws IOException {
        return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline")).replace('\0', ' ');
    }

    /** Processes whose command line contains TEXT (the training JVM names its cache directory). */
    private static List<Long> processesMentioning(String text) {
        return ProcessHandle.allProcesses().filter(process -> {
            try {
                return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline")).contains(text);
            } catch (IOException | RuntimeException gone) {
                return false;
            }
        }).map(ProcessHandle::pid).toList();
    }

    @Test
    void withoutJavaHomeRunsOnTheNewestJavaInstalled() throws Exception {
        Path runLog = state.resolve("netdock.log");
        Process netdock = launcher(runLog, Map.of("JAVA_HOME", "", "NETDOCK_CLASS_CACHE", "off"),
                "--netdock.state-dir=" + state, "--server.port=0");
        try (UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> !netdock.isAlive() || client.get("/_ping").getStatus() == 200);
            assertThat(netdock.isAlive()).as(Files.readString(runLog)).isTrue();
            Path running = Path.of("/proc/" + netdock.pid() + "/exe").toRealPath();
            assertThat(featureOf(running.getParent().getParent())).as(running.toString())
                    .isEqualTo(newestInstalledFeature())
                    .isGreaterThanOrEqualTo(Runtime.version().feature());
        } finally {
            netdock.destroy();
            assertThat(netdock.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)).as("netdock stops").isTrue();
        }
    }

    /** The highest feature version of the Java runtimes in the directories the launcher searches. */
    private static int newestInstalledFeature() throws IOException {
        int newest = featureOf(Path.of(System.getProperty("java.home")));
        for (String parent : List.of("/usr/lib/jvm", "/opt/java", "/usr/java", "/usr/local")) {
            if (Files.isDirectory(Path.of(parent))) {
                try (Stream<Path> homes = Files.list(Path.of(parent))) {
                    for (Path home : homes.filter(home -> Files.isExecutable(home.resolve("bin/java"))).toList()) {
                        newest = Math.max(newest, featureOf(home));
                    }
                }
            }
        }
        return newest;
    }

    /** {@code JAVA_VERSION="25.0.3"} in a runtime's release file: 25; 0 without one. */
    private static int featureOf(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        return Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION=\""))
                .map(line -> line.substring("JAVA_VERSION=\"".length()).split("[^0-9]", 2)[0])
                .filter(digits -> !digits.isEmpty()).mapToInt(Integer::parseInt).findFirst().orElse(0);
    }

    @Test
    void helpListsEverySettingAndStartsNothing() throws Exception {
        Path helpLog = state.resolve("help.log");
        Process help = launcher(helpLog, Map.of(), "--help");
        assertThat(help.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)).as("--help finishes").isTrue();
        String text = Files.readString(helpLog);
        assertThat(help.exitValue()).as(text).isZero();
        assertThat(text).contains("scripts/netdock --prepare", "NETDOCK_JAVA_OPTS");
        for (Setting setting : Settings.load(LauncherIT.class.getClassLoader()).all()) {
            assertThat(text).contains("--" + setting.name() + "=");
        }
        try (Stream<Path> left = Files.list(state)) {
            assertThat(left).as("nothing but the log").containsExactly(helpLog);
        }
        assertThat(classCaches()).as("no class cache trained for --help").isEmpty();
    }

    private Process launcher(Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(state.toFile());
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
