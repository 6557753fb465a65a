package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which freezer a host has, decided from what is mounted under its cgroup directory (here a fake one). */
class FreezerTest {

    @TempDir
    Path cgroups;

    @Test
    void aHostWithTheV1FreezerUsesIt() throws IOException {
        touch("freezer/cgroup.procs");
        touch("unified/cgroup.controllers");
        touch("unified/cgroup.procs");
        found(Freezer.Kind.V1, "freezer/netdock/c1/cgroup.procs");
    }

    @Test
    void aCgroupV2OnlyHostUsesCgroupFreeze() throws IOException {
        touch("cgroup.controllers");
        touch("cgroup.procs");
        Freezer freezer = found(Freezer.Kind.V2, "netdock/c1/cgroup.procs");
        assertThat(freezer.canFreeze("c1")).as("no cgroup.freeze: a kernel before 5.2").isFalse();
        touch("netdock/c1/cgroup.freeze");
        assertThat(freezer.canFreeze("c1")).isTrue();
    }

    @Test
    void aHybridHostWithoutTheV1FreezerUsesTheUnifiedHierarchy() throws IOException {
        touch("unified/cgroup.controllers");
        touch("unified/cgroup.procs");
        found(Freezer.Kind.V2, "unified/netdock/c1/cgroup.procs");
    }

    @Test
    void aHostWithNeitherHasNoFreezer() throws IOException {
        touch("memory/cgroup.procs");
        assertThat(Freezer.under(cgroups)).isEmpty();
        HostProcesses host = new HostProcesses(Freezer.under(cgroups));
        assertThat(host.canPause("c1")).isFalse();
        assertThat(host.freeze("c1", true)).isFalse();
    }

    /** The freezer found, of {@code kind}, whose group for container c1 takes PIDs at {@code procs}. */
    private Freezer found(Freezer.Kind kind, String procs) {
        Freezer freezer = Freezer.under(cgroups).orElseThrow();
        assertThat(freezer.kind()).isEqualTo(kind);
        assertThat(freezer.prepare("c1")).contains(cgroups.resolve(procs));
        return freezer;
    }

    private void touch(String path) throws IOException {
        Path file = cgroups.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }
}
