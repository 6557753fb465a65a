package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.DockerCli;
import io.netdock.testing.WholeApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The docker CLI running, inspecting, publishing, copying from, connecting and stopping containers. */
class ContainersCliIT extends WholeApplication {

    private DockerCli docker;

    @BeforeEach
    void cli() {
        docker = new DockerCli(socket());
    }

    private String ok(String... args) {
        return docker.ok(args);
    }

    @Test
    void runDetachedPublishInspectCopyAndStop() {
        ok("network", "create", "--subnet", "10.212.0.0/24", "cli-n1");
        String id = ok("run", "-d", "--name", "cli-c1", "--network", "cli-n1", "--ip", "10.212.0.20",
                "--network-alias", "web", "-p", "127.0.0.1::80", "-h", "webhost", "busybox:latest", "httpd", "-f");
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(ok("ps", "--filter", "name=cli-c1", "--format", "{{.Names}} {{.Status}}")).startsWith("cli-c1 Up ");
        assertThat(ok("port", "cli-c1")).matches("80/tcp -> 127\\.0\\.0\\.1:\\d+");
        assertThat(ok("inspect", "-f", "{{(index .NetworkSettings.Networks \"cli-n1\").IPAddress}}", "cli-c1"))
                .isEqualTo("10.212.0.20");
        DockerCli.Result copy = docker.run("cp", "cli-c1:/etc/hosts", "-");
        assertThat(copy.exitCode()).isZero();
        assertThat(copy.stdout()).startsWith("hosts").contains("10.212.0.20\twebhost\n");
        assertThat(docker.run("cp", "cli-c1:/etc/nonexistent", "-").stderr())
                .contains("Could not find the file /etc/nonexistent in container cli-c1");
        assertThat(ok("stats", "--no-stream", "--format", "{{.Name}} {{.CPUPerc}} {{.NetIO}}", "cli-c1"))
                .isEqualTo("cli-c1 0.00% 0B / 0B");
        ok("network", "disconnect", "cli-n1", "cli-c1");
        ok("network", "connect", "--alias", "again", "cli-n1", "cli-c1");
        assertThat(docker.run("network", "connect", "cli-n1", "cli-c1").stderr())
                .contains("endpoint with name cli-c1 already exists in network cli-n1");
        ok("stop", "cli-c1");
        assertThat(ok("ps", "-a", "--filter", "name=cli-c1", "--format", "{{.Status}}")).startsWith("Exited (143)");
        ok("rm", "cli-c1");
        ok("network", "rm", "cli-n1");
    }

    @Test
    void anAttachedRunEndsWithTheContainersExitCode() throws Exception {
        Process run = docker.start("run", "--name", "cli-att", "busybox:latest", "sleep", "1000");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/containers/cli-att/json").statusCode() == 200
                    && Boolean.TRUE.equals(api().get("/containers/cli-att/json").jsonPath().get("State.Running")));
            api().post("/containers/cli-att/kill?signal=INT").then().statusCode(204);
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isEqualTo(130);
        } finally {
            run.destroy();
        }
        Process start = docker.start("start", "-a", "cli-att");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Boolean.TRUE.equals(api().get("/containers/cli-att/json").jsonPath().get("State.Running")));
            api().post("/containers/cli-att/stop").then().statusCode(204);
            assertThat(start.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(read(start.getErrorStream())).doesNotContain("Error");
        } finally {
            start.destroy();
        }
        ok("rm", "cli-att");
    }

    @Test
    void runWithRmRemovesTheContainerWhenItStops() {
        String id = ok("run", "-d", "--rm", "--name", "cli-rm", "busybox:latest");
        ok("stop", "cli-rm");
        await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/containers/" + id + "/json").statusCode() == 404);
    }

    @Test
    void runWithRmRemovesTheContainerWhoseStartFailed() {
        ok("run", "-d", "--name", "cli-port-owner", "-p", "18555:80", "busybox:latest");
        DockerCli.Result refused = docker.run("run", "--rm", "--name", "cli-port-taker", "-p", "18555:80",
                "busybox:latest");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(125);
        assertThat(refused.stderr()).contains("port is already allocated");
        assertThat(api().get("/containers/cli-port-taker/json").statusCode()).as("removed, as dockerd does")
                .isEqualTo(404);
        ok("rm", "-f", "cli-port-owner");
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
