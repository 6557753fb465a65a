package io.netdock.dns.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ApiClient;
import io.netdock.testing.ChildNetdock;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * netdock in linux mode as a child process, killed with SIGKILL while containers on a user network run, then started
 * again: the resolver sockets died with it, and once it is back a process in a sandbox resolves names again — the
 * sandbox's DNS rules now point at the new sockets, and there is still one table.
 */
@RealKernel
class EmbeddedDnsCrashKernelIT {

    private ThrowawayHost host;
    private Path noNameservers;

    @BeforeEach
    void createHost() throws Exception {
        host = ThrowawayHost.created("ndk-dnscr");
        noNameservers = host.stateDirectory().resolveSibling(host.stateDirectory().getFileName() + "-resolv.conf");
        Files.writeString(noNameservers, "");
    }

    @AfterEach
    void removeHost() throws Exception {
        host.close();
        Files.deleteIfExists(noNameservers);
    }

    private List<String> args() {
        return List.of("--netdock.kernel.mode=linux", "--netdock.kernel.host-netns=" + host.name(),
                "--netdock.dns.host-resolv-conf=" + noNameservers);
    }

    private static void run(ApiClient api, String name) {
        assertThat(api.post("/containers/create?name=" + name, "{\"Image\":\"busybox\",\"HostConfig\":"
                + "{\"NetworkMode\":\"dns-crash\"}}").status()).isEqualTo(201);
        assertThat(api.post("/containers/" + name + "/start").status()).isEqualTo(204);
    }

    @Test
    void afterKillDashNineAndARestartNamesResolveAgain() throws Exception {
        Path asker;
        try (ChildNetdock first = ChildNetdock.start(host.stateDirectory(), "dns-before-crash", args())) {
            ApiClient api = first.api();
            assertThat(api.post("/networks/create", "{\"Name\":\"dns-crash\",\"IPAM\":{\"Config\":"
                    + "[{\"Subnet\":\"10.246.1.0/24\"}]}}").status()).isEqualTo(201);
            run(api, "crash-a");
            run(api, "crash-b");
            asker = Path.of(api.get("/containers/crash-b/json").json().at("/NetworkSettings/SandboxKey").asText());
            assertThat(Dig.answers(asker, "crash-a")).containsExactly("10.246.1.2");
            first.kill();
        }
        assertThat(Dig.ask(asker, "crash-a")).contains("connection refused");
        String before = ThrowawayHost.in(asker, "nft", "list", "ruleset");

        try (ChildNetdock second = ChildNetdock.start(host.stateDirectory(), "dns-after-crash", args())) {
            assertThat(Dig.answers(asker, "crash-a")).containsExactly("10.246.1.2");
            assertThat(Dig.answers(asker, "+tcp", "crash-a.dns-crash")).containsExactly("10.246.1.2");
            String after = ThrowawayHost.in(asker, "nft", "list", "ruleset");
            assertThat(after).isNotEqualTo(before);
            assertThat(after.split("table ip docker-dns", -1)).hasSize(2);
            second.stop();
        }
    }
}
