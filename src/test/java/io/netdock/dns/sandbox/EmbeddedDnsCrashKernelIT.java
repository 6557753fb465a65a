package io.netdock.dns.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ApiClient;
import io.netdock.testing.ChildNetdock;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * netdock in linux mode as a child process, killed with SIGKILL while containers on a user network run, then started
 * again: the resolver sockets died with it, and once it is back a process in a sandbox resolves names again — the
 * sandbox's DNS rules now point at the new sockets, and there is still one table. The resolvers are re-opened as
 * part of start-up's reconcile, before the API answers: by the time it does, the rules point at listening sockets.
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

    /** The port a docker-dns rule sends {@code 127.0.0.11:53} to, for one protocol. */
    private static String port(String ruleset, String protocol) {
        Matcher dnat = Pattern.compile(protocol + " dport 53 dnat to 127\\.0\\.0\\.11:(\\d+)").matcher(ruleset);
        assertThat(dnat.find()).as(ruleset).isTrue();
        return dnat.group(1);
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
            // the moment the API answers, before any query: the rules already point at sockets that listen
            String after = ThrowawayHost.in(asker, "nft", "list", "ruleset");
            String udpListening = ThrowawayHost.in(asker, "ss", "-H", "-lnu");
            String tcpListening = ThrowawayHost.in(asker, "ss", "-H", "-lnt");
            assertThat(after).isNotEqualTo(before);
            assertThat(after.split("table ip docker-dns", -1)).hasSize(2);
            assertThat(udpListening).contains("127.0.0.11:" + port(after, "udp"));
            assertThat(tcpListening).contains("127.0.0.11:" + port(after, "tcp"));
            assertThat(Dig.answers(asker, "crash-a")).containsExactly("10.246.1.2");
            assertThat(Dig.answers(asker, "+tcp", "crash-a.dns-crash")).containsExactly("10.246.1.2");
            second.stop();
        }
    }
}
