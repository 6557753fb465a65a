package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration netdock cannot run with stops the start of the real jar with one line that names the setting
 * and the fix, a non-zero exit code and no stack trace (unless {@code --debug}), and leaves nothing on disk.
 */
class ConfigurationRefusalIT {

    private static final Path JAR = Path.of("target/netdock.jar").toAbsolutePath();

    @TempDir
    Path scratch;

    @Test
    void anUnknownNetdockSettingGetsTheClosestName() throws Exception {
        Refusal refusal = start("--netdock.kernel.mod=linux");
        refusal.assertOneLine("netdock.kernel.mod is not a netdock setting", "Did you mean netdock.kernel.mode?",
                "scripts/netdock --help");
    }

    @Test
    void aPortOutOfRange() throws Exception {
        start("--server.port=99999").assertOneLine("server.port=99999 is not a TCP port", "between 1 and 65535");
    }

    @Test
    void aBadPortRange() throws Exception {
        start("--netdock.ports.range=70000-80000")
                .assertOneLine("netdock.ports.range=70000-80000 is not a port range", "--netdock.ports.range=49000-49900");
    }

    @Test
    void aValueOfTheWrongKind() throws Exception {
        start("--netdock.kernel.mode=bogus")
                .assertOneLine("netdock.kernel.mode=bogus is not a valid value", "one of: simulated, linux");
    }

    @Test
    void processesWithoutLinuxMode() throws Exception {
        Refusal refusal = start("--netdock.processes=host");
        refusal.assertOneLine("netdock.processes=host needs netdock.kernel.mode=linux", "--netdock.kernel.mode=linux");
        assertThat(refusal.exitCode()).isEqualTo(1);
    }

    @Test
    void aStateDirectoryThatCannotBeCreated() throws Exception {
        Path file = Files.writeString(scratch.resolve("a-file"), "not a directory");
        Path state = file.resolve("state");
        start(List.of("--netdock.state-dir=" + state))
                .assertOneLine("netdock.state-dir: cannot create " + state, file + " is a file", "--netdock.state-dir=");
    }

    @Test
    void aSocketALiveDaemonAnswersOn() throws Exception {
        Path state = Files.createDirectory(scratch.resolve("taken"));
        Path socket = state.resolve("docker.sock");
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(socket));
            start(List.of("--netdock.state-dir=" + state))
                    .assertOneLine("another daemon is already listening on " + socket, "--netdock.state-dir=");
        }
        try (Stream<Path> left = Files.list(state)) {
            assertThat(left).as("nothing but the other daemon's socket").containsExactly(socket);
        }
    }

    @Test
    void aTcpPortAnotherProcessListensOn() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            start("--server.port=" + taken.getLocalPort())
                    .assertOneLine("server.port=" + taken.getLocalPort() + ": 127.0.0.1:" + taken.getLocalPort()
                            + " is in use", "--netdock.state-dir=");
        }
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        Refusal refusal = start("--netdock.kernel.mod=linux", "--debug");
        assertThat(refusal.exitCode()).isNotZero();
        assertThat(refusal.output()).contains("netdock did not start: netdock.kernel.mod is not a netdock setting")
                .contains("\tat io.netdock.server.ConfigurationCheck");
    }

    /** Starts the jar on a state directory of its own that must still not exist when it has refused. */
    private Refusal start(String... args) throws Exception {
        Path state = scratch.resolve("state");
        List<String> all = new ArrayList<>(List.of("--netdock.state-dir=" + state));
        all.addAll(List.of(args));
        Refusal refusal = start(all);
        assertThat(state).as("nothing created on disk: %s", refusal.output()).doesNotExist();
        return refusal;
    }

    private Refusal start(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(args);
        Path log = Files.createTempFile(scratch, "netdock", ".log");
        Process process = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("netdock started with " + args + " instead of refusing:\n" + Files.readString(log));
        }
        assertThat(scratch.resolve("netdock-data")).as("no default state directory").doesNotExist();
        return new Refusal(process.exitValue(), Files.readString(log));
    }

    record Refusal(int exitCode, String output) {

        void assertOneLine(String... parts) {
            assertThat(exitCode).as(output).isNotZero();
            assertThat(output.strip().lines()).as("one line").hasSize(1);
            assertThat(output).startsWith("netdock did not start: ").contains(parts).doesNotContain("\tat ", "Exception");
        }
    }
}
