package io.netdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.DockerCli;
import io.netdock.testing.WholeApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 2: the prune and disk-usage commands of the docker CLI work against netdock: they prune what
 * exists and report zero for what netdock has none of (volumes, build cache, sizes on disk).
 */
class PruneCliIT extends WholeApplication {

    private DockerCli docker;

    @BeforeEach
    void cli() {
        docker = new DockerCli(socket());
    }

    @Test
    void systemPruneRemovesStoppedContainersAndUnusedNetworksOnly() {
        docker.ok("network", "create", "--label", "prune-cli=1", "prune-cli-net");
        String stopped = docker.ok("create", "--label", "prune-cli=1", "--name", "prune-cli-stopped", "busybox");
        String running = docker.ok("run", "-d", "--label", "prune-cli=1", "--name", "prune-cli-running", "busybox");
        try {
            String df = docker.ok("system", "df");
            assertThat(df).contains("Images", "Containers", "Local Volumes", "Build Cache");

            String pruned = docker.ok("system", "prune", "-f", "--filter", "label=prune-cli=1");

            assertThat(pruned).contains(stopped, "prune-cli-net", "Total reclaimed space: 0B")
                    .doesNotContain(running);
            assertThat(docker.ok("ps", "-a", "--filter", "label=prune-cli=1", "--format", "{{.Names}}"))
                    .isEqualTo("prune-cli-running");
            assertThat(docker.run("network", "inspect", "prune-cli-net").exitCode()).isNotZero();
        } finally {
            docker.ok("rm", "-f", running);
        }
    }

    @Test
    void everyPruneCommandSucceeds() {
        String stopped = docker.ok("create", "--label", "prune-cli=2", "busybox");
        assertThat(docker.ok("container", "prune", "-f", "--filter", "label=prune-cli=2"))
                .contains(stopped, "Total reclaimed space: 0B");
        assertThat(docker.ok("volume", "prune", "-f")).isEqualTo("Total reclaimed space: 0B");
        assertThat(docker.ok("network", "prune", "-f", "--filter", "label=prune-cli=2")).isEmpty();
        assertThat(docker.ok("image", "prune", "-f")).isEqualTo("Total reclaimed space: 0B");
        assertThat(docker.ok("builder", "prune", "-f")).contains("Total reclaimed space: 0B");
    }

    @Test
    void imagePruneAllRemovesImagesNoContainerUses() {
        docker.ok("pull", "prune-cli/unused:1");
        String running = docker.ok("run", "-d", "prune-cli/used:1");
        try {
            String pruned = docker.ok("image", "prune", "-a", "-f");

            assertThat(pruned).contains("untagged: prune-cli/unused:1").doesNotContain("prune-cli/used");
            assertThat(docker.ok("images", "--format", "{{.Repository}}:{{.Tag}}"))
                    .contains("prune-cli/used:1").doesNotContain("prune-cli/unused:1");
        } finally {
            docker.ok("rm", "-f", running);
        }
    }

    @Test
    void whatNetdockLacksIsSaidInDockerWords() {
        String running = docker.ok("run", "-d", "busybox");
        try {
            // the reason and the setting that enables it (issue 15 point 2)
            assertThat(docker.fails("pause", running)).startsWith("Error response from daemon: pause is not "
                    + "supported: containers run no process").contains("--netdock.processes=host");
            assertThat(docker.fails("volume", "rm", "prune-cli-none")).contains("no such volume");
            assertThat(docker.fails("volume", "create")).contains("netdock has no volumes");
        } finally {
            docker.ok("rm", "-f", running);
        }
    }
}
