package io.netdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.DockerCli;
import io.netdock.testing.WholeApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docker-compose v1 (Debian's 1.29.2, Python, docker-py 5) against netdock over the Unix socket. It negotiates the
 * newest API version and reads {@code ContainerConfig} from image inspect when it recreates a container, which
 * Docker dropped from API 1.45 on and netdock keeps. Without a {@code docker-compose} the test is skipped, unless
 * {@code NETDOCK_REQUIRE_DOCKER_CLI=1} (CI) makes that a failure.
 */
class ComposeV1IT extends WholeApplication {

    private static final String COMPOSE_FILE = """
            version: "2.4"
            services:
              web:
                image: busybox:latest
                command: ["httpd", "-f", "-p", "8080"]
                ports:
                  - "8080"
                networks: [front]
            networks:
              front: {}
            """;

    private Path project;

    @BeforeEach
    void project() throws IOException {
        project = Files.createTempDirectory("netdock-compose");
        Files.writeString(project.resolve("docker-compose.yml"), COMPOSE_FILE);
    }

    @AfterEach
    void down() throws Exception {
        compose("down");
    }

    @Test
    void upForceRecreateTwice() throws Exception {
        Run first = compose("up", "-d", "--force-recreate");
        assertThat(first.exitCode()).as(first.output()).isZero();
        String firstId = compose("ps", "-q").stdout().strip();
        assertThat(firstId).hasSize(64);

        Run second = compose("up", "-d", "--force-recreate");

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("KeyError").contains("Recreating");
        String secondId = compose("ps", "-q").stdout().strip();
        assertThat(secondId).hasSize(64).isNotEqualTo(firstId);
        api().get("/containers/" + secondId + "/json").then().statusCode(200)
                .body("State.Running", org.hamcrest.Matchers.equalTo(true));
        api().get("/containers/" + firstId + "/json").then().statusCode(404);
    }

    private record Run(int exitCode, String stdout, String stderr) {

        String output() {
            return stdout + stderr;
        }
    }

    private Run compose(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(DockerCli.executable("docker-compose"));
        command.addAll(List.of("--project-name", "ndcompose" + port, "--project-directory", project.toString(),
                "--file", project.resolve("docker-compose.yml").toString(), "--ansi", "never"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DOCKER_") || name.startsWith("COMPOSE_"));
        builder.environment().put("DOCKER_HOST", "unix://" + socket());
        builder.environment().put("DOCKER_CONFIG", project.resolve(".docker").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker-compose " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(process.exitValue(), stdout.join(), stderr.join());
    }

    private static CompletableFuture<String> readAll(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
