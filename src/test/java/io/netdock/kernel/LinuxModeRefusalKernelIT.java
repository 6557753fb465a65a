package io.netdock.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.RealKernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linux mode without CAP_NET_ADMIN and CAP_SYS_ADMIN (dropped from a root child process with {@code setpriv})
 * refuses to start with one line naming what is missing, not a page of stack traces, and touches no namespace and
 * creates nothing on disk.
 */
@RealKernel
class LinuxModeRefusalKernelIT {

    @TempDir
    Path state;

    @Test
    void withoutItsCapabilitiesLinuxModeRefusesToStartSayingWhatIsMissing() throws Exception {
        String namespace = "ndk-refused-" + ProcessHandle.current().pid();
        Process netdock = new ProcessBuilder(List.of("setpriv", "--inh-caps=-all", "--ambient-caps=-all",
                "--bounding-set=-net_admin,-sys_admin", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", Path.of("target/netdock.jar").toAbsolutePath().toString(),
                "--netdock.state-dir=" + state, "--server.port=0", "--netdock.kernel.mode=linux",
                "--netdock.kernel.host-netns=" + namespace)).redirectErrorStream(true).start();
        netdock.getOutputStream().close();
        String output = new String(netdock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(netdock.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(netdock.exitValue()).isNotZero();
        assertThat(output.strip().lines()).as("one line: %s", output).hasSize(1);
        assertThat(output).startsWith("netdock did not start: netdock.kernel.mode=linux needs CAP_NET_ADMIN and "
                + "CAP_SYS_ADMIN, but this process lacks CAP_NET_ADMIN and CAP_SYS_ADMIN")
                .contains("use netdock.kernel.mode=simulated").doesNotContain("\tat io.netdock");
        assertThat(Files.exists(Path.of("/run/netns", namespace))).isFalse();
        try (Stream<Path> created = Files.list(state)) {
            assertThat(created).as("nothing created in the state directory").isEmpty();
        }
    }
}
