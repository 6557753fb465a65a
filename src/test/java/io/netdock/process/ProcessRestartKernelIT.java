package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ChildNetdock;
import io.netdock.testing.DockerCli;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * netdock with processes shut down cleanly (SIGTERM) while containers run, then started again on the same state,
 * as dockerd restores after {@code systemctl restart docker}: the shutdown stops every process (none is left);
 * the start runs again what dockerd's {@code ShouldRestart} says: {@code always} ones (even one a client stopped),
 * {@code unless-stopped} ones no client stopped, and {@code on-failure} ones whose last exit code is not 0 (the
 * SIGTERM of the shutdown is 143; one that exits 0 on SIGTERM stays exited); {@code no} and never-started ones stay
 * as they were.
 */
@RealKernel
class ProcessRestartKernelIT {

    private static final String STATE = "{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}";

    @Test
    void aCleanShutdownThenStartRestartsWhatDockerdRestarts() throws Exception {
        try (ThrowawayHost host = ThrowawayHost.created("ndk-prestart")) {
            List<String> args = host.linuxModeArguments("--netdock.processes=host");
            DockerCli docker = new DockerCli(host.stateDirectory().resolve("docker.sock"));
            Map<String, Integer> pids = new LinkedHashMap<>();
            try (ChildNetdock first = ChildNetdock.start(host.stateDirectory(), "restart-first", args)) {
                run(docker, pids, "rs-always", "--restart", "always", "busybox", "sleep", "1000");
                run(docker, pids, "rs-always-stopped", "--restart", "always", "busybox", "sleep", "1000");
                docker.ok("stop", "rs-always-stopped");
                run(docker, pids, "rs-unless", "--restart", "unless-stopped", "busybox", "sleep", "1000");
                run(docker, pids, "rs-unless-stopped", "--restart", "unless-stopped", "busybox", "sleep", "1000");
                docker.ok("stop", "rs-unless-stopped");
                run(docker, pids, "rs-failure", "--restart", "on-failure:3", "busybox", "sleep", "1000");
                run(docker, pids, "rs-failure-clean", "--restart", "on-failure", "busybox", "sh", "-c",
                        "trap 'exit 0' TERM; while true; do sleep 0.2; done");
                run(docker, pids, "rs-no", "busybox", "sleep", "1000");
                docker.ok("create", "--name", "rs-never", "--restart", "always", "busybox", "sleep", "1000");
                first.stop();
            }
            pids.forEach((name, pid) -> assertThat(ProcStat.startTicks(pid)).as(name + " stopped by the shutdown")
                    .isEmpty());
            try (ChildNetdock second = ChildNetdock.start(host.stateDirectory(), "restart-second", args)) {
                assertThat(state(docker, "rs-always")).isEqualTo("running 0 0");
                assertThat(state(docker, "rs-always-stopped")).isEqualTo("running 0 0");
                assertThat(state(docker, "rs-unless")).isEqualTo("running 0 0");
                assertThat(state(docker, "rs-unless-stopped")).isEqualTo("exited 143 0");
                assertThat(state(docker, "rs-failure")).isEqualTo("running 0 0");
                assertThat(state(docker, "rs-failure-clean")).isEqualTo("exited 0 0");
                assertThat(state(docker, "rs-no")).isEqualTo("exited 143 0");
                assertThat(state(docker, "rs-never")).isEqualTo("created 0 0");
                for (String restarted : List.of("rs-always", "rs-unless", "rs-failure")) {
                    int again = pid(docker, restarted);
                    assertThat(again).isNotEqualTo(pids.get(restarted));
                    assertThat(ProcStat.startTicks(again)).as(restarted + " runs again").isPresent();
                }
                docker.ok("rm", "-f", "rs-always", "rs-always-stopped", "rs-unless", "rs-unless-stopped",
                        "rs-failure", "rs-failure-clean", "rs-no", "rs-never");
            }
        }
    }

    private static void run(DockerCli docker, Map<String, Integer> pids, String name, String... rest) {
        List<String> argv = new java.util.ArrayList<>(List.of("run", "-d", "--name", name));
        argv.addAll(List.of(rest));
        docker.ok(argv.toArray(String[]::new));
        pids.put(name, pid(docker, name));
    }

    private static String state(DockerCli docker, String container) {
        return docker.ok("inspect", "-f", STATE, container).strip();
    }

    private static int pid(DockerCli docker, String container) {
        return Integer.parseInt(docker.ok("inspect", "-f", "{{.State.Pid}}", container).strip());
    }
}
