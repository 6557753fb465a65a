package io.netdock.testing;

import io.netdock.NetdockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole netdock started with its own command-line properties, a fresh state directory and a random TCP port,
 * for tests of start-up configuration (listeners, TLS, socket ownership).
 */
public final class RunningNetdock implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path stateDir;

    private RunningNetdock(ConfigurableApplicationContext context, Path stateDir) {
        this.context = context;
        this.stateDir = stateDir;
    }

    /** Starts netdock; arguments come first, so a test may still override the port. */
    public static RunningNetdock start(String... args) {
        Path stateDir = newStateDir();
        return new RunningNetdock(new SpringApplicationBuilder(NetdockApplication.class).run(arguments(stateDir, args)),
                stateDir);
    }

    /** Starts netdock on a state directory the caller made (and removes). */
    public static RunningNetdock startIn(Path stateDir, String... args) {
        return new RunningNetdock(new SpringApplicationBuilder(NetdockApplication.class).run(arguments(stateDir, args)),
                stateDir);
    }

    /** Starts netdock in {@code stateDir} expecting it to refuse; returns why (fails the test if it starts). */
    public static Throwable refusal(Path stateDir, String... args) {
        try (ConfigurableApplicationContext started =
                     new SpringApplicationBuilder(NetdockApplication.class).run(arguments(stateDir, args))) {
            throw new AssertionError("netdock started with " + List.of(args) + " but should have refused");
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    private static String[] arguments(Path stateDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--netdock.state-dir=" + stateDir);
        if (all.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
            all.add("--server.port=0");
        }
        return all.toArray(String[]::new);
    }

    public static Path newStateDir() {
        try {
            return Files.createTempDirectory("netdock-start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Path socket() {
        return stateDir.resolve("docker.sock");
    }

    public Path stateDir() {
        return stateDir;
    }

    /** A bean of the running application (its {@code DataSource}, to look at the database directly). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
