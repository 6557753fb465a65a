package io.netdock.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * netdock as a separate process ({@code java -jar target/netdock.jar}, which failsafe finds built), talking over
 * its Unix socket, so a test can kill it like a crash would ({@code SIGKILL}: no shutdown hook, no flush) and
 * start it again on the same state.
 */
public final class ChildNetdock implements AutoCloseable {

    private static final Path JAR = Path.of("target/netdock.jar").toAbsolutePath();
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final ApiClient api;

    private ChildNetdock(Process process, Path log, Path socket) {
        this.process = process;
        this.log = log;
        this.api = ApiClient.unix(socket);
    }

    /** Starts netdock on {@code stateDir} with {@code args} and waits until it answers {@code /_ping}. */
    public static ChildNetdock start(Path stateDir, String logName, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-jar", JAR.toString(),
                "--netdock.state-dir=" + stateDir, "--server.port=0"));
        command.addAll(args);
        Path log = stateDir.resolveSibling(stateDir.getFileName() + "-" + logName + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ChildNetdock child = new ChildNetdock(process, log, stateDir.resolve("docker.sock"));
            child.awaitReady();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> !process.isAlive() || api.get("/_ping").status() == 200);
        if (!process.isAlive()) {
            throw new AssertionError("netdock did not start:\n" + output());
        }
    }

    public ApiClient api() {
        return api;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or the OOM killer would end it; returns when the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** SIGTERM: netdock shuts down in order. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        api.close();
        if (process.isAlive()) {
            stop();
        }
    }
}
