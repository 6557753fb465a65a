package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ApiClient;
import io.netdock.testing.ApiClient.Reply;
import io.netdock.testing.RealKernel;
import io.netdock.testing.RunningNetdock;
import io.netdock.testing.TestDatabases;
import io.netdock.testing.ThrowawayNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two netdocks in linux mode on one PostgreSQL, each with a throwaway host namespace of its own: each realises in
 * its own kernel what it is asked to do, and when the other one stops, removes or disconnects a container (or removes
 * a network) the first one realised, the first one's namespace, veths, port forwards and bridge go as well. A request
 * to the first one ({@link #settle}) makes the check deterministic.
 */
@RealKernel
class SharedStoreKernelIT {

    @RegisterExtension
    final ThrowawayNamespace hostA = new ThrowawayNamespace();

    @RegisterExtension
    final ThrowawayNamespace hostB = new ThrowawayNamespace();

    @Test
    void whatAnotherNetdockStopsRemovesOrDisconnectsLeavesNothingBehindInThisKernel() {
        String[] database = TestDatabases.postgresApplicationProperties();
        try (RunningNetdock a = RunningNetdock.startIn(hostA.stateDirectory(), linux(hostA, database));
             RunningNetdock b = RunningNetdock.startIn(hostB.stateDirectory(), linux(hostB, database));
             ApiClient one = ApiClient.tcp(a.port()); ApiClient two = ApiClient.tcp(b.port())) {
            created(one.post("/networks/create", "{\"Name\":\"kx-front\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.241.1.0/24\"}]}}"));
            String bridge = "kxback0";
            created(one.post("/networks/create", "{\"Name\":\"kx-back\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.241.2.0/24\"}]},"
                    + "\"Options\":{\"com.docker.network.bridge.name\":\"" + bridge + "\"}}"));
            created(one.post("/containers/create?name=kx-web", "{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},"
                    + "\"HostConfig\":{\"NetworkMode\":\"kx-front\",\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"18431\"}]}}}"));

            // started through A: A's kernel has its namespace, its veth and its port forward; B's has nothing
            assertThat(one.post("/containers/kx-web/start").status()).isEqualTo(204);
            Path sandbox = Path.of(one.get("/containers/kx-web/json").json().get("NetworkSettings").get("SandboxKey")
                    .asString());
            assertThat(sandbox).exists().startsWith(hostA.netnsDirectory());
            assertThat(veths(hostA)).hasSize(1);
            assertThat(ruleset(hostA)).contains("18431");
            assertThat(veths(hostB)).isEmpty();

            // connected through A, disconnected through B: A's veth on kx-back goes, the one on kx-front stays
            assertThat(one.post("/networks/kx-back/connect", "{\"Container\":\"kx-web\"}").status()).isEqualTo(200);
            assertThat(veths(hostA)).hasSize(2);
            assertThat(two.post("/networks/kx-back/disconnect", "{\"Container\":\"kx-web\"}").status()).isEqualTo(200);
            settle(one);
            assertThat(veths(hostA)).hasSize(1);
            assertThat(Files.exists(sandbox)).isTrue();

            // stopped through B: nothing of it stays in A's kernel
            assertThat(two.post("/containers/kx-web/stop?t=0").status()).isEqualTo(204);
            settle(one);
            assertThat(veths(hostA)).isEmpty();
            assertThat(Files.exists(sandbox)).as("A's namespace of the stopped container").isFalse();
            assertThat(ruleset(hostA)).doesNotContain("18431");

            // started again through B: B's kernel has it now, A's nothing; removed through A: B's goes too
            assertThat(two.post("/containers/kx-web/start").status()).isEqualTo(204);
            Path again = Path.of(two.get("/containers/kx-web/json").json().get("NetworkSettings").get("SandboxKey")
                    .asString());
            assertThat(again).exists().startsWith(hostB.netnsDirectory());
            assertThat(veths(hostB)).hasSize(1);
            assertThat(ruleset(hostB)).contains("18431");
            assertThat(veths(hostA)).isEmpty();
            assertThat(one.delete("/containers/kx-web?force=true").status()).isEqualTo(204);
            settle(two);
            assertThat(veths(hostB)).isEmpty();
            assertThat(Files.exists(again)).as("B's namespace of the removed container").isFalse();
            assertThat(ruleset(hostB)).doesNotContain("18431");

            // a network A set up, removed through B: A's bridge goes
            assertThat(hostA.name()).isNotEqualTo(hostB.name());
            assertThat(links(hostA)).contains(bridge);
            assertThat(two.delete("/networks/kx-back").status()).isEqualTo(204);
            settle(one);
            assertThat(links(hostA)).doesNotContain(bridge);
        }
    }

    /**
     * A request makes the netdock catch up with the store before it answers; the kernel view also waits for the
     * kernel to free what netdock removed in the background (a namespace's links go with it).
     */
    private static void settle(ApiClient netdock) {
        assertThat(netdock.get("/netdock/kernel").status()).isEqualTo(200);
    }

    private static String[] linux(ThrowawayNamespace host, String[] database) {
        List<String> args = new ArrayList<>(List.of(database));
        args.add("--netdock.kernel.mode=linux");
        args.add("--netdock.kernel.host-netns=" + host.name());
        return args.toArray(String[]::new);
    }

    private static List<String> veths(ThrowawayNamespace host) {
        return ThrowawayNamespace.run("ip", "-n", host.name(), "-o", "link", "show", "type", "veth").lines()
                .filter(line -> !line.isBlank()).toList();
    }

    private static String links(ThrowawayNamespace host) {
        return ThrowawayNamespace.run("ip", "-n", host.name(), "-o", "link", "show");
    }

    private static String ruleset(ThrowawayNamespace host) {
        return ThrowawayNamespace.run("ip", "netns", "exec", host.name(), "nft", "list", "ruleset");
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("Id").asString();
    }
}
