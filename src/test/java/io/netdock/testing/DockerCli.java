package io.netdock.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real docker CLI pointed at a netdock socket. Skips the test when the CLI is missing, unless
 * {@code NETDOCK_REQUIRE_DOCKER_CLI=1} (CI), which makes that a failure.
 */
public final class DockerCli {

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path socket;
    private final Path config;

    public DockerCli(Path socket) {
        this.socket = socket;
        this.config = createConfigDir();
        if (executable() == null) {
            if ("1".equals(System.getenv("NETDOCK_REQUIRE_DOCKER_CLI"))) {
                throw new IllegalStateException("NETDOCK_REQUIRE_DOCKER_CLI=1 but no docker CLI is on the PATH");
            }
            Assumptions.abort("no docker CLI on the PATH");
        }
    }

    public Result run(String... args) {
        Process process = start(args);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a command that keeps running (e.g. {@code docker events}); the caller reads and destroys it. */
    public Process start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DOCKER_HOST", "unix://" + socket);
        builder.environment().put("DOCKER_CONFIG", config.toString());
        builder.environment().put("DOCKER_CLI_HINTS", "false");
        builder.environment().remove("DOCKER_CONTEXT");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "docker");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Path createConfigDir() {
        try {
            return Files.createTempDirectory("netdock-docker-config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
