package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.netdock.testing.DockerCli;
import io.netdock.testing.ThrowawayHost;
import io.netdock.testing.WholeLinuxApplication;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Linux mode with {@code netdock.processes=host}, through the docker CLI as a user would: containers run their
 * command in their own namespaces, its exit is the container's, logs and exec work, stop escalates to SIGKILL,
 * restart policies restart. The host is a throwaway namespace; every process runs in a sandbox of it.
 */
class ProcessesKernelIT extends WholeLinuxApplication {

    private static final ThrowawayHost host = ThrowawayHost.named("ndk-proc");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void linuxModeWithProcesses(DynamicPropertyRegistry registry) {
        host.linuxMode(registry);
        registry.add("netdock.processes", () -> "host");
    }

    private DockerCli docker() {
        return new DockerCli(host.stateDirectory().resolve("docker.sock"));
    }

    @Override
    protected RequestSpecification api() {
        return super.api().contentType("application/json");
    }

    @Test
    void aWebServerAnswersThroughItsPublishedPortAndFromAnotherContainer() throws IOException {
        DockerCli docker = docker();
        Path site = Files.createDirectories(host.stateDirectory().resolve("site"));
        Files.writeString(site.resolve("index.html"), "hello from busybox httpd\n");
        docker.ok("network", "create", "--subnet", "10.243.0.0/24", "lab1");
        docker.ok("run", "-d", "--name", "lab-web", "--network", "lab1", "-p", "18090:80", "busybox",
                "httpd", "-f", "-p", "80", "-h", site.toString());
        String ip = docker.ok("inspect", "-f", "{{.NetworkSettings.Networks.lab1.IPAddress}}", "lab-web").strip();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(host.inHost("curl", "-s", "-m", "5", "http://127.0.0.1:18090/"))
                        .isEqualTo("hello from busybox httpd\n"));
        DockerCli.Result fetched = docker.run("run", "--rm", "--network", "lab1", "busybox:latest", "curl", "-s",
                "-m", "5", "http://" + ip + "/");
        assertThat(fetched.exitCode()).as(fetched.output()).isZero();
        assertThat(fetched.stdout()).isEqualTo("hello from busybox httpd\n");
        assertThat(docker.ok("top", "lab-web")).contains("httpd -f -p 80");

        docker.ok("run", "-d", "--name", "lab-db", "--network", "lab1", "busybox", "sleep", "1000");
        String dbIp = docker.ok("inspect", "-f", "{{.NetworkSettings.Networks.lab1.IPAddress}}", "lab-db").strip();
        DockerCli.Result lookup = docker.run("exec", "lab-web", "nslookup", "lab-db");
        assertThat(lookup.exitCode()).as(lookup.output()).isZero();
        assertThat(lookup.stdout()).as("asked through the embedded DNS").contains("127.0.0.11")
                .containsPattern("Name:\\s+lab-db\\s+Address:\\s+" + dbIp.replace(".", "\\.") + "\\s");
        DockerCli.Result byName = docker.run("run", "--rm", "--network", "lab1", "busybox:latest", "curl", "-s",
                "-m", "5", "http://lab-web");
        assertThat(byName.exitCode()).as(byName.output()).isZero();
        assertThat(byName.stdout()).isEqualTo("hello from busybox httpd\n");
        docker.ok("rm", "-f", "lab-web", "lab-db");
        docker.ok("network", "rm", "lab1");
    }

    @Test
    void anAttachedRunPrintsTheOutputAndReturnsTheExitCode() {
        DockerCli docker = docker();
        DockerCli.Result hello = docker.run("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2");
        assertThat(hello.exitCode()).as(hello.output()).isZero();
        assertThat(hello.stdout()).isEqualTo("out\n");
        assertThat(hello.stderr()).isEqualTo("err\n");
        assertThat(docker.run("run", "--rm", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
        DockerCli.Result piped = docker.run("run", "--rm", "-i", "--hostname", "box1", "-e", "GREETING=hi",
                "busybox", "sh", "-c", "hostname; echo $GREETING; cat /etc/hostname");
        assertThat(piped.stdout()).isEqualTo("box1\nhi\nbox1\n");
        DockerCli.Result missing = docker.run("run", "--name", "proc-missing", "busybox", "no-such-command");
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.stderr()).contains("exec: \"no-such-command\": executable file not found in $PATH");
        assertThat(docker.ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "proc-missing").strip())
                .isEqualTo("created 127");
        docker.ok("rm", "proc-missing");

        DockerCli.Result removed = docker.run("run", "--rm", "--name", "proc-gone", "busybox", "no-such-command");
        assertThat(removed.exitCode()).as("--rm after a failed start: removed, as dockerd does").isEqualTo(127);
        assertThat(docker.run("inspect", "proc-gone").exitCode()).isEqualTo(1);
        DockerCli.Result terminal = docker.run("run", "--rm", "-t", "--name", "proc-tty", "busybox", "true");
        assertThat(terminal.exitCode()).isEqualTo(125);
        assertThat(terminal.stderr()).contains("a TTY (-t) is not supported; run the container without -t");
        assertThat(docker.run("inspect", "proc-tty").exitCode()).isEqualTo(1);
    }

    @Test
    void logsFollowAProcessWhileItWrites() throws Exception {
        DockerCli docker = docker();
        docker.ok("run", "-d", "--name", "proc-talk", "busybox", "sh", "-c",
                "for i in 1 2 3 4 5; do echo line $i; echo oops $i >&2; sleep 0.3; done");
        Process follow = docker.start("logs", "-f", "proc-talk");
        assertThat(follow.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String followed = new String(follow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(followed).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\n");
        assertThat(new String(follow.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("oops 1\noops 2\noops 3\noops 4\noops 5\n");
        assertThat(docker.run("logs", "-t", "proc-talk").stdout()).matches(
                "(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z line 1\n.*");
        assertThat(docker.ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "proc-talk").strip())
                .isEqualTo("exited 0");
        String logPath = docker.ok("inspect", "-f", "{{.LogPath}}", "proc-talk").strip();
        // stdout and stderr are two pipes read apart: Docker orders lines within a stream, not across the two
        List<String> logged = Files.readAllLines(Path.of(logPath));
        assertThat(logged).hasSize(10);
        assertThat(logged.stream().filter(line -> line.contains("\"stream\":\"stdout\"")).findFirst()).hasValueSatisfying(
                line -> assertThat(line).matches(
                        "\\{\"log\":\"line 1\\\\n\",\"stream\":\"stdout\",\"time\":\"[^\"]+Z\"}"));
        assertThat(logged.stream().filter(line -> line.contains("\"stream\":\"stderr\"")).findFirst()).hasValueSatisfying(
                line -> assertThat(line).startsWith("{\"log\":\"oops 1\\n\",\"stream\":\"stderr\""));
        // --tail counts the file's last entries whichever stream they came from
        DockerCli.Result last = docker.run("logs", "--tail", "2", "proc-talk");
        String lastTwo = String.join("\n", logged.subList(8, 10));
        assertThat(last.stdout()).isEqualTo(lastTwo.contains("line 5") ? "line 5\n" : "");
        assertThat(last.stderr()).isEqualTo(lastTwo.contains("oops 5") ? "oops 5\n" : "");
        assertThat(last.stdout() + last.stderr()).hasLineCount(2);
        docker.ok("rm", "proc-talk");
    }

    @Test
    void execRunsInTheContainersNamespacesWithItsExitCode() {
        DockerCli docker = docker();
        docker.ok("network", "create", "--subnet", "10.244.0.0/24", "lab2");
        docker.ok("run", "-d", "--name", "proc-exec", "--hostname", "exechost", "--network", "lab2", "busybox",
                "sleep", "1000");
        DockerCli.Result hello = docker.run("exec", "proc-exec", "sh", "-c", "hostname; echo bad >&2; exit 4");
        assertThat(hello.exitCode()).isEqualTo(4);
        assertThat(hello.stdout()).isEqualTo("exechost\n");
        assertThat(hello.stderr()).isEqualTo("bad\n");
        assertThat(docker.ok("exec", "proc-exec", "ip", "-o", "-4", "addr", "show", "eth0")).contains("10.244.0.2/24");
        assertThat(docker.ok("exec", "proc-exec", "cat", "/etc/hosts")).contains("10.244.0.2\texechost");
        assertThat(docker.run("exec", "-i", "proc-exec", "cat").exitCode()).isZero();
        String exec = api().body("{\"Cmd\":[\"sh\",\"-c\",\"exit 5\"]}").post("/containers/proc-exec/exec")
                .then().statusCode(201).extract().path("Id");
        api().body("{\"Detach\":true}").post("/exec/" + exec + "/start").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> api().get("/exec/" + exec + "/json").then()
                .body("Running", equalTo(false)).body("ExitCode", equalTo(5)));
        api().body("{\"Detach\":true}").post("/exec/" + exec + "/start").then().statusCode(409)
                .body("message", equalTo("Error: Exec command " + exec + " has already run"));
        api().body("{}").post("/containers/proc-exec/exec").then().statusCode(400)
                .body("message", equalTo("No exec command specified"));
        api().post("/exec/nope/resize?h=1&w=1").then().statusCode(404)
                .body("message", equalTo("No such exec instance: nope"));
        docker.ok("rm", "-f", "proc-exec");
        docker.ok("network", "rm", "lab2");
    }

    @Test
    void stopSendsTheStopSignalThenKillsAfterTheTimeout() {
        DockerCli docker = docker();
        docker.ok("run", "-d", "--name", "proc-polite", "busybox", "sleep", "1000");
        docker.ok("stop", "proc-polite");
        assertThat(docker.ok("inspect", "-f", "{{.State.ExitCode}}", "proc-polite").strip()).isEqualTo("143");
        docker.ok("run", "-d", "--name", "proc-stubborn", "busybox", "sh", "-c",
                "trap '' TERM; while true; do sleep 0.2; done");
        await().atMost(PATIENCE).until(() -> docker.ok("top", "proc-stubborn").contains("sleep"));
        docker.ok("stop", "-t", "1", "proc-stubborn");
        assertThat(docker.ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "proc-stubborn").strip())
                .isEqualTo("exited 137");
        docker.ok("rm", "proc-polite", "proc-stubborn");
    }

    @Test
    void onFailureRestartsAsOftenAsAllowed() {
        DockerCli docker = docker();
        docker.ok("run", "-d", "--name", "proc-retry", "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 1");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(docker.ok("inspect", "-f",
                "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}", "proc-retry").strip())
                .isEqualTo("2 exited 1"));
        docker.ok("run", "-d", "--name", "proc-fine", "--restart", "on-failure", "busybox", "true");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(docker.ok("inspect", "-f",
                "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}", "proc-fine").strip())
                .isEqualTo("0 exited 0"));
        docker.ok("rm", "proc-retry", "proc-fine");
    }

    @Test
    void pauseFreezesAndTopListsTheProcesses() {
        DockerCli docker = docker();
        docker.ok("run", "-d", "--name", "proc-pause", "busybox", "sh", "-c", "sleep 1000 & wait");
        docker.ok("pause", "proc-pause");
        assertThat(docker.ok("ps", "--filter", "name=proc-pause", "--format", "{{.Status}}")).contains("(Paused)");
        api().post("/containers/proc-pause/pause").then().statusCode(409)
                .body("message", containsString("is already paused"));
        docker.ok("unpause", "proc-pause");
        await().atMost(PATIENCE).until(() -> docker.ok("top", "proc-pause").contains("sleep 1000"));
        String pid = docker.ok("inspect", "-f", "{{.State.Pid}}", "proc-pause").strip();
        List<List<String>> columns = docker.ok("top", "proc-pause", "-o", "pid,args").lines()
                .map(line -> List.of(line.strip().split("\\s+", 2))).toList();
        assertThat(columns).as("ps_args: the columns asked for, the container's two processes only").hasSize(3);
        assertThat(columns.get(0)).containsExactly("PID", "COMMAND");
        assertThat(columns.get(1)).first().isEqualTo(pid);
        assertThat(columns.get(2).get(1)).endsWith("sleep 1000");
        assertThat(docker.ok("top", "proc-pause", "aux").lines().findFirst().orElseThrow())
                .startsWith("USER").contains("%CPU", "COMMAND");
        api().queryParam("ps_args", "-o user=PID").get("/containers/proc-pause/top").then().statusCode(500)
                .body("message", equalTo("specifying \"user=PID\" is not allowed"));
        api().queryParam("ps_args", "-o comm").get("/containers/proc-pause/top").then().statusCode(500)
                .body("message", equalTo("Couldn't find PID field in ps output"));
        api().queryParam("ps_args", "--bogus").get("/containers/proc-pause/top").then().statusCode(500)
                .body("message", startsWith("ps: "));
        docker.ok("rm", "-f", "proc-pause");
    }

    @Test
    void connectAndDisconnectRewriteTheFilesARunningProcessSees() {
        DockerCli docker = docker();
        docker.ok("network", "create", "--subnet", "10.248.0.0/24", "lab3");
        docker.ok("run", "-d", "--name", "proc-files", "--hostname", "fileshost", "busybox", "sleep", "1000");
        String inode = docker.ok("exec", "proc-files", "stat", "-c", "%i", "/etc/hosts").strip();
        assertThat(docker.ok("exec", "proc-files", "cat", "/etc/hosts")).doesNotContain("10.248.0.");
        assertThat(docker.ok("exec", "proc-files", "cat", "/etc/resolv.conf")).doesNotContain("127.0.0.11");

        docker.ok("network", "connect", "lab3", "proc-files");
        assertThat(docker.ok("exec", "proc-files", "cat", "/etc/hosts")).endsWith("\n10.248.0.2\tfileshost");
        assertThat(docker.ok("exec", "proc-files", "cat", "/etc/resolv.conf")).contains("\nnameserver 127.0.0.11\n");
        assertThat(docker.ok("exec", "proc-files", "stat", "-c", "%i", "/etc/hosts").strip())
                .as("the same file, written in place under the bind mount").isEqualTo(inode);

        docker.ok("network", "disconnect", "lab3", "proc-files");
        assertThat(docker.ok("exec", "proc-files", "cat", "/etc/hosts")).doesNotContain("10.248.0.2");

        docker.ok("run", "-d", "--name", "proc-target", "busybox", "sleep", "1000");
        docker.ok("run", "-d", "--name", "proc-parent", "--link", "proc-target:db", "busybox", "sleep", "1000");
        String first = docker.ok("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "proc-target").strip();
        assertThat(docker.ok("exec", "proc-parent", "cat", "/etc/hosts")).contains(first + "\tdb ");
        docker.ok("stop", "-t", "0", "proc-target");
        docker.ok("run", "-d", "--name", "proc-taker", "busybox", "sleep", "1000");
        docker.ok("start", "proc-target");
        String second = docker.ok("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "proc-target").strip();
        assertThat(second).as("the target restarted on another address").isNotEqualTo(first);
        assertThat(docker.ok("exec", "proc-parent", "cat", "/etc/hosts")).as("the link shows its new address")
                .contains(second + "\tdb ").doesNotContain(first + "\t");
        docker.ok("rm", "-f", "proc-files", "proc-target", "proc-parent", "proc-taker");
        docker.ok("network", "rm", "lab3");
    }
}
