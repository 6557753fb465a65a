package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.ChildNetdock;
import io.netdock.testing.DockerCli;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayHost;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * netdock with processes killed by SIGKILL while containers run: their processes outlive it (they are nobody's
 * children now); the next start finds each by PID and start time, kills it, marks its container exited (137) and
 * starts again the one whose restart policy says so. No process is left behind.
 */
@RealKernel
class ProcessCrashKernelIT {

    @Test
    void aRestartAfterSigkillLeavesNoOrphanAndRestartsByPolicy() throws Exception {
        try (ThrowawayHost host = ThrowawayHost.created("ndk-pcrash")) {
            List<String> args = host.linuxModeArguments("--netdock.processes=host");
            DockerCli docker = new DockerCli(host.stateDirectory().resolve("docker.sock"));
            int plain;
            int always;
            int child;
            try (ChildNetdock first = ChildNetdock.start(host.stateDirectory(), "processes-first", args)) {
                docker.ok("run", "-d", "--name", "crash-plain", "busybox", "sh", "-c", "sleep 1000 & wait");
                docker.ok("run", "-d", "--name", "crash-always", "--restart", "always", "busybox", "sleep", "1000");
                plain = pid(docker, "crash-plain");
                always = pid(docker, "crash-always");
                await().atMost(Duration.ofSeconds(30)).until(() -> childOf(plain) > 0);
                child = childOf(plain);
                first.kill();
                assertThat(ProcStat.startTicks(plain)).as("survives netdock's death").isPresent();
                try (ChildNetdock second = ChildNetdock.start(host.stateDirectory(), "processes-second", args)) {
                    assertThat(docker.ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "crash-plain")
                            .strip()).isEqualTo("exited 137");
                    await().atMost(Duration.ofSeconds(30)).until(() -> ProcStat.startTicks(plain).isEmpty()
                            && ProcStat.startTicks(child).isEmpty() && ProcStat.startTicks(always).isEmpty());
                    assertThat(docker.ok("inspect", "-f", "{{.State.Status}}", "crash-always").strip())
                            .isEqualTo("running");
                    int again = pid(docker, "crash-always");
                    assertThat(again).isNotEqualTo(always);
                    assertThat(ProcStat.startTicks(again)).isPresent();
                    docker.ok("rm", "-f", "crash-plain", "crash-always");
                    assertThat(ProcStat.startTicks(again)).isEmpty();
                }
            }
        }
    }

    private static int pid(DockerCli docker, String container) {
        return Integer.parseInt(docker.ok("inspect", "-f", "{{.State.Pid}}", container).strip());
    }

    /** A child of {@code pid} (the {@code sleep} its shell started), or 0. */
    private static int childOf(int pid) throws java.io.IOException {
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            return processes.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .mapToInt(Integer::parseInt)
                    .filter(candidate -> ProcStat.parent(candidate).orElse(-1) == pid).findFirst().orElse(0);
        }
    }
}
