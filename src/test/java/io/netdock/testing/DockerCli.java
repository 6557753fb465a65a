package io.netdock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real docker CLI, run as a subprocess against netdock. Without a CLI on the machine the test is skipped,
 * unless {@code NETDOCK_REQUIRE_DOCKER_CLI=1} (CI) makes that a failure.
 */
public final class DockerCli {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/local/bin/docker"), Path.of("/usr/bin/docker"));

    private final Path executable;
    private final Path config;

    private DockerCli(Path executable, Path config) {
        this.executable = executable;
        this.config = config;
    }

    public static DockerCli require() {
        for (Path candidate : CANDIDATES) {
            if (Files.isExecutable(candidate)) {
                try {
                    return new DockerCli(candidate, Files.createTempDirectory("netdock-docker-config"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        String missing = "no docker CLI at " + CANDIDATES;
        if ("1".equals(System.getenv("NETDOCK_REQUIRE_DOCKER_CLI"))) {
            throw new IllegalStateException(missing + " but NETDOCK_REQUIRE_DOCKER_CLI=1");
        }
        Assumptions.abort(missing);
        return null;
    }

    /**
     * Runs {@code docker <args>} with only the given Docker variables (an empty config directory, so the
     * user's contexts and settings play no part) and returns its combined output.
     */
    public Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DOCKER_"));
        builder.environment().putAll(environment);
        builder.environment().put("DOCKER_CONFIG", config.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String output) {
    }
}
