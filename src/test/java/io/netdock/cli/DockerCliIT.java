package io.netdock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.events.Event;
import io.netdock.events.EventLog;
import io.netdock.testing.DockerCli;
import io.netdock.testing.WholeApplication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The docker CLI against netdock's Unix socket: what a user types and sees. */
class DockerCliIT extends WholeApplication {

    @Autowired
    EventLog events;

    private DockerCli docker;

    @BeforeEach
    void cli() {
        docker = new DockerCli(socket());
    }

    @Test
    void eventsSinceUntilReplaysAndExits() {
        String id = UUID.randomUUID().toString().replace("-", "");
        long since = Instant.now().getEpochSecond();
        Event create = events.publish("network", "create", id, Map.of("name", "cli-net", "type", "bridge"));
        events.publish("container", "start", "c" + id, Map.of("name", "cli-box", "image", "busybox:latest"));
        long until = Instant.now().getEpochSecond() + 1;

        DockerCli.Result result = docker.run("events", "--since", String.valueOf(since), "--until", String.valueOf(until),
                "--filter", "type=network");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().filter(line -> line.contains(id)).toList()).containsExactly(
                Instant.ofEpochSecond(0, create.timeNano()) + " network create " + id + " (name=cli-net, type=bridge)");
        assertThat(result.stdout()).doesNotContain("cli-box");
    }

    @Test
    void eventsFollowLiveUntilInterrupted() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "");
        int before = events.listenerCount();
        Process follow = docker.start("events", "--filter", "type=network", "--filter", "network=" + id);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.listenerCount() == before + 1);
            events.publish("network", "create", id, Map.of("name", "cli-live", "type", "bridge"));
            BufferedReader out = new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(20, TimeUnit.SECONDS);
            assertThat(line).endsWith(" network create " + id + " (name=cli-live, type=bridge)");
        } finally {
            follow.destroy();
            follow.waitFor(10, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> events.listenerCount() == before);
    }

    @Test
    void pullAndInspectWorkWithoutARegistry() {
        DockerCli.Result pull = docker.run("pull", "busybox");
        assertThat(pull.exitCode()).as(pull.stderr()).isZero();
        assertThat(pull.stdout()).contains("latest: Pulling from library/busybox")
                .containsPattern("Digest: sha256:[0-9a-f]{64}")
                .containsPattern("Status: (Downloaded newer image|Image is up to date) for busybox:latest")
                .contains("docker.io/library/busybox:latest");
        DockerCli.Result again = docker.run("pull", "busybox:latest");
        assertThat(again.stdout()).contains("Status: Image is up to date for busybox:latest");

        DockerCli.Result inspect = docker.run("image", "inspect", "--format", "{{.Id}} {{.RepoTags}} {{.Os}}", "busybox");
        assertThat(inspect.exitCode()).as(inspect.stderr()).isZero();
        assertThat(inspect.stdout().strip()).matches("sha256:[0-9a-f]{64} \\[busybox:latest] linux");

        DockerCli.Result images = docker.run("images", "--format", "{{.Repository}}:{{.Tag}}");
        assertThat(images.stdout().lines()).contains("busybox:latest");

        DockerCli.Result nothing = docker.run("inspect", "cli-nothing-by-this-name");
        assertThat(nothing.exitCode()).as("neither a container, nor a pulled image, nor a network").isEqualTo(1);
        assertThat(nothing.stderr().strip()).isEqualTo("Error: No such object: cli-nothing-by-this-name");
        assertThat(docker.run("image", "inspect", "cli-never-pulled").stderr().strip())
                .isEqualTo("Error response from daemon: No such image: cli-never-pulled:latest");

        DockerCli.Result bad = docker.run("image", "inspect", "BusyBox");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).contains("invalid reference format: repository name (library/BusyBox) must be lowercase");
    }

    @Test
    void swarmCommandsFailAsOutsideASwarm() {
        DockerCli.Result leave = docker.run("swarm", "leave");
        assertThat(leave.exitCode()).isEqualTo(1);
        assertThat(leave.stderr().strip()).isEqualTo("Error response from daemon: This node is not part of a swarm");

        DockerCli.Result services = docker.run("service", "ls");
        assertThat(services.exitCode()).isEqualTo(1);
        assertThat(services.stderr().strip()).isEqualTo("Error response from daemon: This node is not a swarm manager. "
                + "Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");

        DockerCli.Result init = docker.run("swarm", "init");
        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.stderr()).contains("netdock does not support swarm mode");
    }
}
