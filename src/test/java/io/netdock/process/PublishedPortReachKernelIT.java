package io.netdock.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.testing.DockerCli;
import io.netdock.testing.ThrowawayHost;
import io.netdock.testing.WholeLinuxApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who reaches a published port, kept as the table netdock must match. The Docker column was measured on the
 * reference Docker 20.10.24 (iptables, userland proxy on, in namespace {@code netdock-ref}) on 2026-12-07: busybox
 * httpd in {@code -p 18095:80} on network a (10.251.1.0/24), b and an {@code --internal} i beside it, each with a
 * {@code sleep} container; curl run with {@code nsenter --net=/proc/<pid>/ns/net} in the client containers'
 * namespaces, {@code ip netns exec netdock-ref} for the host, and a veth to a namespace of its own (10.199.77.2,
 * default route via the host's 10.199.77.1) for another machine:
 * <pre>
 * from                                                  | Docker (measured)       | netdock
 * host namespace, 127.0.0.1:port                        | yes (200)               | yes
 * host namespace, a host address (the uplink's)         | yes (200)               | yes
 * another machine on the host's LAN, host address       | yes (200)               | yes
 * container on the same network, its gateway:port      | yes (200)               | yes
 * the container itself, its gateway:port (hairpin)      | yes (200)               | yes
 * container on another network, its own gateway:port   | yes (200)               | yes (was dropped by the isolation rules)
 * container on an internal network, its gateway:port    | no (curl: timeout, 28)  | no
 * </pre>
 */
class PublishedPortReachKernelIT extends WholeLinuxApplication {

    private static final ThrowawayHost host = ThrowawayHost.named("ndk-reach");
    private static final String PAGE = "published page\n";

    @DynamicPropertySource
    static void linuxModeWithProcesses(DynamicPropertyRegistry registry) {
        host.linuxMode(registry);
        registry.add("netdock.processes", () -> "host");
    }

    @Test
    void everyCaseReachesThePublishedPortAsOnDocker() throws Exception {
        DockerCli docker = new DockerCli(host.stateDirectory().resolve("docker.sock"));
        Path site = Files.createDirectories(host.stateDirectory().resolve("reach-site"));
        Files.writeString(site.resolve("index.html"), PAGE);
        docker.ok("network", "create", "--subnet", "10.245.0.0/24", "reach-a");
        docker.ok("network", "create", "--subnet", "10.246.0.0/24", "reach-b");
        docker.ok("network", "create", "--internal", "--subnet", "10.247.0.0/24", "reach-i");
        docker.ok("run", "-d", "--name", "reach-web", "--network", "reach-a", "-p", "18095:80", "busybox",
                "httpd", "-f", "-p", "80", "-h", site.toString());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(host.inHost("curl", "-s", "-m", "5", "http://127.0.0.1:18095/")).isEqualTo(PAGE));

        assertThat(host.inHost("curl", "-s", "-m", "5", "http://" + ThrowawayHost.HOST_ADDRESS + ":18095/"))
                .as("host namespace, host address").isEqualTo(PAGE);
        assertThat(host.inClient("curl", "-s", "-m", "5", "http://" + ThrowawayHost.HOST_ADDRESS + ":18095/"))
                .as("another machine").isEqualTo(PAGE);
        assertThat(fetch(docker, "reach-a", "10.245.0.1")).as("same network, its gateway").isEqualTo(PAGE);
        DockerCli.Result hairpin = docker.run("exec", "reach-web", "curl", "-s", "-m", "5",
                "http://10.245.0.1:18095/");
        assertThat(hairpin.stdout()).as("hairpin: " + hairpin.stderr()).isEqualTo(PAGE);
        assertThat(fetch(docker, "reach-b", "10.246.0.1")).as("another network, its own gateway").isEqualTo(PAGE);
        DockerCli.Result internal = docker.run("run", "--rm", "--network", "reach-i", "busybox:latest", "curl", "-s",
                "-m", "2", "http://10.247.0.1:18095/");
        assertThat(internal.exitCode()).as("internal network: " + internal.output()).isNotZero();
        assertThat(internal.stdout()).isEmpty();

        docker.ok("rm", "-f", "reach-web");
        docker.ok("network", "rm", "reach-a", "reach-b", "reach-i");
    }

    private static String fetch(DockerCli docker, String network, String gateway) {
        DockerCli.Result result = docker.run("run", "--rm", "--network", network, "busybox:latest", "curl", "-s",
                "-m", "5", "http://" + gateway + ":18095/");
        assertThat(result.exitCode()).as(network + ": " + result.output()).isZero();
        return result.stdout();
    }
}
