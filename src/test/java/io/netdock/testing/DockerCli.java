package io.netdock.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real docker CLI, run as a subprocess against netdock with an empty config directory (the user's contexts
 * and settings play no part). Without a CLI on the machine the test is skipped, unless
 * {@code NETDOCK_REQUIRE_DOCKER_CLI=1} (CI) makes that a failure.
 */
public final class DockerCli {

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {

        /** Standard output followed by standard error. */
        public String output() {
            return stdout + stderr;
        }
    }

    private final String executable;
    private final Path config;
    private final Map<String, String> environment;

    private DockerCli(Map<String, String> environment) {
        this.executable = executable("docker");
        this.config = createConfigDir();
        this.environment = environment;
    }

    /** A CLI talking to the netdock listening on {@code socket}. */
    public DockerCli(Path socket) {
        this(Map.of("DOCKER_HOST", "unix://" + socket));
    }

    /** A CLI talking to the netdock listening on {@code 127.0.0.1:port} (plain TCP). */
    public static DockerCli tcp(int port) {
        return new DockerCli(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port));
    }

    /** A CLI with no daemon chosen; pass the {@code DOCKER_*} variables to {@link #run(Map, String...)}. */
    public static DockerCli require() {
        return new DockerCli(Map.of());
    }

    public Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs a command that must succeed; its standard output, stripped. */
    public String ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " exited " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.stdout().strip();
    }

    /** Runs a command that must fail; its standard error, stripped. */
    public String fails(String... args) {
        Result result = run(args);
        if (result.exitCode() == 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " succeeded:\n" + result.output());
        }
        return result.stderr().strip();
    }

    /** Runs {@code docker <args>} with this CLI's Docker variables plus {@code extra}. */
    public Result run(Map<String, String> extra, String... args) {
        Finished finished = execute(extra, args);
        return new Result(finished.exitCode(), new String(finished.stdout(), StandardCharsets.UTF_8),
                new String(finished.stderr(), StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed and writes bytes (e.g. {@code docker cp c:/etc/hosts -}); its output. */
    public byte[] runBytes(String... args) {
        Finished finished = execute(Map.of(), args);
        if (finished.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " exited " + finished.exitCode() + ":\n"
                    + new String(finished.stderr(), StandardCharsets.UTF_8));
        }
        return finished.stdout();
    }

    private record Finished(int exitCode, byte[] stdout, byte[] stderr) {
    }

    private Finished execute(Map<String, String> extra, String... args) {
        Process process = start(extra, args);
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> stdout = readAll(process.getInputStream());
            CompletableFuture<byte[]> stderr = readAll(process.getErrorStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Finished(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a command that keeps running (e.g. {@code docker events}); the caller reads and destroys it. */
    public Process start(String... args) {
        return start(Map.of(), args);
    }

    private Process start(Map<String, String> extra, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.putAll(extra);
        builder.environment().keySet().removeIf(name -> name.startsWith("DOCKER_"));
        builder.environment().putAll(variables);
        builder.environment().put("DOCKER_CONFIG", config.toString());
        builder.environment().put("DOCKER_CLI_HINTS", "false");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<byte[]> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A client program ({@code docker}, {@code docker-compose}) on the PATH, in /usr/local/bin or /usr/bin; without
     * it the test is skipped, unless {@code NETDOCK_REQUIRE_DOCKER_CLI=1} makes that a failure.
     */
    public static String executable(String name) {
        List<String> places = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        places.addAll(List.of("/usr/local/bin", "/usr/bin"));
        for (String dir : places) {
            Path candidate = Path.of(dir, name);
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String missing = "no " + name + " on the PATH, in /usr/local/bin or /usr/bin";
        if ("1".equals(System.getenv("NETDOCK_REQUIRE_DOCKER_CLI"))) {
            throw new IllegalStateException(missing + " but NETDOCK_REQUIRE_DOCKER_CLI=1");
        }
        Assumptions.abort(missing);
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
