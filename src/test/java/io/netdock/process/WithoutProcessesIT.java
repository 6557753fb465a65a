package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.netdock.testing.DockerCli;
import io.netdock.testing.WholeApplication;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without processes (the default): what needs a process answers why and names the settings that enable it,
 * never "page not found" and never a hang; {@code docker run} without {@code -d} says in one line that the
 * container runs no process and stays running until stopped.
 */
class WithoutProcessesIT extends WholeApplication {

    private static final String HOW = "--netdock.kernel.mode=linux --netdock.processes=host";

    private void running(String name) {
        api().contentType("application/json").body("{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"1\"]}")
                .post("/containers/create?name=" + name).then().statusCode(201);
        api().post("/containers/" + name + "/start").then().statusCode(204);
    }

    @Test
    void execAnswersWhyItCannotRun() {
        running("np-exec");
        api().contentType("application/json").body("{\"Cmd\":[\"ls\"]}").post("/containers/np-exec/exec").then()
                .statusCode(501).body("message", containsString("exec is not supported: containers run no process"))
                .body("message", containsString(HOW));
        api().contentType("application/json").body("{}").post("/exec/nope/start").then().statusCode(404)
                .body("message", equalTo("No such exec instance: nope"));
        api().get("/exec/nope/json").then().statusCode(404).body("message", equalTo("No such exec instance: nope"));
        api().post("/exec/nope/resize").then().statusCode(404);
        api().contentType("application/json").body("{\"Cmd\":[\"ls\"]}").post("/containers/missing/exec").then()
                .statusCode(404).body("message", equalTo("No such container: missing"));
        api().post("/containers/np-exec/stop").then().statusCode(204);
        api().contentType("application/json").body("{\"Cmd\":[\"ls\"]}").post("/containers/np-exec/exec").then()
                .statusCode(409).body("message", containsString("is not running"));
        api().delete("/containers/np-exec").then().statusCode(204);
    }

    @Test
    void logsAttachAndPauseAnswerWhyTheyCannot() {
        running("np-logs");
        api().get("/containers/np-logs/logs?stdout=1").then().statusCode(501)
                .body("message", containsString("logs is not supported")).body("message", containsString(HOW));
        api().get("/containers/np-logs/logs").then().statusCode(400)
                .body("message", equalTo("Bad parameters: you must choose at least one stream"));
        api().post("/containers/np-logs/attach?stream=1&stdout=1").then().statusCode(501)
                .body("message", containsString(HOW));
        api().post("/containers/np-logs/pause").then().statusCode(501).body("message", containsString(HOW));
        api().get("/containers/np-logs/top").then().statusCode(200);
        api().delete("/containers/np-logs?force=1").then().statusCode(204);
    }

    @Test
    void anAttachedRunSaysThatTheContainerRunsNoProcess() throws Exception {
        DockerCli docker = new DockerCli(socket());
        Process run = docker.start("run", "--name", "np-run", "busybox", "echo", "hi");
        try {
            String line = new String(run.getInputStream().readNBytes(ProcessMode.noProcessLine().length()));
            assertThat(line).isEqualTo(ProcessMode.noProcessLine());
            assertThat(line).contains("stays running until stopped").contains(HOW);
            docker.ok("stop", "np-run");
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            run.destroy();
        }
        docker.ok("rm", "np-run");
    }
}
