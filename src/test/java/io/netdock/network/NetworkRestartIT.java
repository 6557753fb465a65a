package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.NetdockApplication;
import io.netdock.kernel.Plumbing;
import io.netdock.net.IpAddresses;
import io.netdock.testing.UnixSocketClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Everything survives a restart: networks, IDs, creation times, labels, options, leases; bridges are set up again. */
class NetworkRestartIT {

    private static ConfigurableApplicationContext start(Path state, String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--netdock.state-dir=" + state;
        args[1] = "--server.port=0";
        System.arraycopy(more, 0, args, 2, more.length);
        return new SpringApplicationBuilder(NetdockApplication.class).run(args);
    }

    private static String bridgeId(ConfigurableApplicationContext daemon) {
        return daemon.getBean(NetworkService.class).get("bridge").id();
    }

    @Test
    void networksAndLeasesPersist() throws Exception {
        Path state = Files.createTempDirectory("netdock-networks-restart");
        String id;
        String before;
        String listBefore;
        try (ConfigurableApplicationContext first = start(state);
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            String body = "{\"Name\":\"persist-ü\",\"Labels\":{\"k\":\"v\"},\"Options\":{\"com.docker.network.bridge.name\":"
                    + "\"nwpersist\",\"x\":\"y\"},\"EnableIPv6\":true,\"IPAM\":{\"Options\":{\"o\":\"p\"},\"Config\":[{\"Subnet\":"
                    + "\"10.33.0.0/24\",\"IPRange\":\"10.33.0.64/26\",\"AuxiliaryAddresses\":{\"r\":\"10.33.0.5\"}}]}}";
            String created = client.post("/networks/create", body).getContentAsString();
            id = created.substring(7, 71);
            before = client.get("/networks/" + id).getContentAsString();
            listBefore = client.get("/networks?filters=" + java.net.URLEncoder.encode("{\"type\":[\"builtin\"]}",
                    java.nio.charset.StandardCharsets.UTF_8)).getContentAsString();
            NetworkAddresses addresses = first.getBean(NetworkAddresses.class);
            assertThat(addresses.lease(id, "ep1", null, null).ipv4()).as("the gateway took the range's first address")
                    .hasToString("10.33.0.65/24");
            assertThat(addresses.lease(id, "ep2", null, null).ipv4()).hasToString("10.33.0.66/24");
            assertThat(addresses.lease(bridgeId(first), "epb", null, null).ipv4()).hasToString("172.17.0.2/16");
        }
        try (ConfigurableApplicationContext second = start(state);
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            assertThat(client.get("/networks/" + id).getContentAsString()).isEqualTo(before);
            assertThat(client.get("/networks?filters=" + java.net.URLEncoder.encode("{\"type\":[\"builtin\"]}",
                    java.nio.charset.StandardCharsets.UTF_8)).getContentAsString())
                    .as("as dockerd, whose docker0 already has its address, the default bridge now shows its gateway")
                    .isEqualTo(listBefore.replace("{\"Subnet\":\"172.17.0.0/16\"}",
                            "{\"Subnet\":\"172.17.0.0/16\",\"Gateway\":\"172.17.0.1\"}"));
            NetworkAddresses addresses = second.getBean(NetworkAddresses.class);
            assertThat(addresses.lease(id, "ep3", null, null).ipv4()).hasToString("10.33.0.67/24");
            assertThat(addresses.lease(id, "ep1", null, null).ipv4()).as("the old lease").hasToString("10.33.0.65/24");
            assertThat(addresses.lease(bridgeId(second), "epb", null, null).ipv4()).as("the default bridge's lease")
                    .hasToString("172.17.0.2/16");
            assertThat(addresses.lease(bridgeId(second), "epc", null, null).ipv4()).hasToString("172.17.0.3/16");
            assertThat(second.getBean(Plumbing.class).view().namespaces().get(0).links())
                    .anyMatch(link -> link.name().equals("nwpersist"))
                    .anyMatch(link -> link.name().equals("docker0"));
        }
    }

    @Test
    void theDefaultBridgeSubnetIsConfigurable() throws Exception {
        Path state = Files.createTempDirectory("netdock-bip");
        try (ConfigurableApplicationContext daemon = start(state, "--netdock.bridge.subnet=10.99.0.1/24");
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            assertThat(client.get("/networks/bridge").getContentAsString())
                    .as("--bip names the gateway: dockerd shows it").contains("\"Config\":[{\"Subnet\":\"10.99.0.0/24\",\"Gateway\":\"10.99.0.1\"}]");
            assertThat(daemon.getBean(NetworkService.class).get("bridge").bridge().gateways().get(0))
                    .hasToString("10.99.0.1/24");
            String bridgeId = daemon.getBean(NetworkService.class).get("bridge").id();
            assertThat(daemon.getBean(NetworkAddresses.class).lease(bridgeId, "c", null, null).ipv4().address())
                    .isEqualTo(IpAddresses.parseOrNull("10.99.0.2"));
        }
        try (ConfigurableApplicationContext daemon = start(state, "--netdock.bridge.subnet=10.98.0.0/16");
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            assertThat(client.get("/networks/bridge").getContentAsString())
                    .contains("\"Config\":[{\"Subnet\":\"10.98.0.0/16\",\"Gateway\":\"10.98.0.1\"}]");
            assertThat(client.post("/networks/create", "{\"Name\":\"n\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.98.1.0/24\"}]}}")
                    .getStatus()).isEqualTo(403);
        }
    }

    @Test
    void defaultAddressPoolsAreConfigurable() throws Exception {
        Path state = Files.createTempDirectory("netdock-pools");
        try (ConfigurableApplicationContext daemon = start(state,
                "--netdock.default-address-pools[0].base=10.201.0.0/16", "--netdock.default-address-pools[0].size=24");
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            client.post("/networks/create", "{\"Name\":\"p1\"}");
            client.post("/networks/create", "{\"Name\":\"p2\"}");
            assertThat(client.get("/networks/p1").getContentAsString()).contains("\"Subnet\":\"10.201.0.0/24\"");
            assertThat(client.get("/networks/p2").getContentAsString()).contains("\"Subnet\":\"10.201.1.0/24\"");
            assertThat(client.get("/v1.41/info").getContentAsString())
                    .contains("\"SecurityOptions\":[],\"DefaultAddressPools\":[{\"Base\":\"10.201.0.0/16\",\"Size\":24}]");
        }
    }
}
