package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.RealKernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both kinds of freezer on the real kernel, in a group of their own ({@code netdock-it-<random>} beside netdock's):
 * a shell and the {@code sleep} it started join the group, freeze (the kernel reports the whole group frozen),
 * thaw, are listed by top and all killed by killAll, frozen or not; the group is removed afterwards. This host
 * mounts both hierarchies (v1 freezer and the v2 {@code unified} one), so the v2 freezer of a v2-only host is
 * tried here too.
 */
@RealKernel
class FreezerKernelIT {

    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    @Test
    void theV1FreezerFreezesAndThawsTheWholeGroup() throws Exception {
        Path hierarchy = CGROUPS.resolve("freezer");
        assumeThat(Files.isWritable(hierarchy.resolve("cgroup.procs"))).as("a cgroup v1 freezer").isTrue();
        exercise(Freezer.Kind.V1, hierarchy, "freezer.state", "FROZEN", "THAWED");
    }

    @Test
    void theV2FreezerFreezesAndThawsTheWholeGroup() throws Exception {
        Path hierarchy = Files.exists(CGROUPS.resolve("cgroup.controllers")) ? CGROUPS : CGROUPS.resolve("unified");
        assumeThat(Files.exists(hierarchy.resolve("cgroup.controllers"))).as("a cgroup v2 hierarchy").isTrue();
        exercise(Freezer.Kind.V2, hierarchy, "cgroup.events", "frozen 1", "frozen 0");
    }

    private static void exercise(Freezer.Kind kind, Path hierarchy, String stateFile, String frozen, String thawed)
            throws IOException, InterruptedException {
        Path base = hierarchy.resolve("netdock-it-" + UUID.randomUUID().toString().substring(0, 8));
        Freezer freezer = new Freezer(kind, base);
        HostProcesses host = new HostProcesses(Optional.of(freezer));
        String owner = "c1";
        Path procs = freezer.prepare(owner).orElseThrow();
        Process shell = new ProcessBuilder("sh", "-c", "echo $$ > \"$0\"; sleep 1000 & wait", procs.toString())
                .start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> freezer.pids(owner).size() == 2);
            List<Integer> pids = freezer.pids(owner);
            assertThat(pids).contains((int) shell.pid());
            assertThat(host.top(owner, null, "-o pid,args").processes()).extracting(row -> row.get(0))
                    .containsExactlyInAnyOrderElementsOf(pids.stream().map(String::valueOf).toList());

            assertThat(host.canPause(owner)).isTrue();
            assertThat(host.freeze(owner, true)).isTrue();
            assertThat(freezer.isFrozen(owner)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(base.resolve(owner).resolve(stateFile))
                    .contains(frozen));
            assertThat(host.freeze(owner, false)).isTrue();
            assertThat(freezer.isFrozen(owner)).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(base.resolve(owner).resolve(stateFile))
                    .contains(thawed));

            assertThat(host.freeze(owner, true)).isTrue();
            host.killAll(owner);
            assertThat(shell.waitFor(30, TimeUnit.SECONDS)).as("killed though frozen").isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> freezer.pids(owner).isEmpty());
            host.release(owner);
            assertThat(base.resolve(owner)).doesNotExist();
        } finally {
            shell.destroyForcibly();
            host.killAll(owner);
            await().atMost(Duration.ofSeconds(30)).until(() -> freezer.pids(owner).isEmpty());
            host.release(owner);
            Files.deleteIfExists(base);
        }
    }
}
