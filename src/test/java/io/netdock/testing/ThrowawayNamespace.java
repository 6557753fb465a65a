package io.netdock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway network namespace ({@code ip netns add ndk-…}) with a state directory; {@link #close} removes both,
 * with every sandbox namespace mounted under the state directory. As a JUnit extension
 * ({@code @RegisterExtension}) a fresh one per test; {@link ThrowawayHost} builds its host on one. Nothing touches
 * the machine's own network namespace.
 */
public class ThrowawayNamespace implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private String name;
    private Path stateDirectory;

    /** The per-test extension: names and directory are chosen before each test. */
    public ThrowawayNamespace() {
    }

    ThrowawayNamespace(String name, Path stateDirectory) {
        this.name = name;
        this.stateDirectory = stateDirectory;
    }

    public String name() {
        return name;
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    public Path netnsDirectory() {
        return stateDirectory.resolve("netns");
    }

    /** Where {@code ip netns} keeps the namespace. */
    public Path hostKey() {
        return Path.of("/run/netns", name);
    }

    /** Creates the state directory and the namespace. */
    void create() throws IOException {
        Files.createDirectories(stateDirectory);
        run("ip", "netns", "add", name);
    }

    /** Deletes the namespace and the state directory with every sandbox mounted under it. Safe to repeat. */
    @Override
    public void close() {
        exec(List.of("ip", "netns", "del", name));
        try {
            removeStateDirectory(stateDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        name = "ndk-" + UUID.randomUUID().toString().substring(0, 8);
        stateDirectory = Files.createTempDirectory("netdock-kernel-it");
        create();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Unmounts every sandbox namespace under {@code <state>/netns} and deletes the state directory. */
    static void removeStateDirectory(Path stateDirectory) throws IOException {
        Path netns = stateDirectory.resolve("netns");
        if (Files.isDirectory(netns)) {
            try (Stream<Path> files = Files.list(netns)) {
                for (Path file : files.toList()) {
                    runQuietly("umount", "-l", file.toString());
                }
            }
            runQuietly("umount", "-l", netns.toString());
        }
        if (Files.exists(stateDirectory)) {
            try (Stream<Path> tree = Files.walk(stateDirectory)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Runs a command (tests may use iproute2 and nft to observe), failing on a non-zero exit. */
    public static String run(String... command) {
        Result result = exec(List.of(command));
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exit() + ": "
                    + result.output());
        }
        return result.output();
    }

    public static Result exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void runQuietly(String... command) {
        exec(List.of(command));
    }

    public record Result(int exit, String output) {
    }
}
