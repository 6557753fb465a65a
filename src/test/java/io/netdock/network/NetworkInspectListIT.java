package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inspect (resolution, parameters, Containers) and list (every filter, both encodings, version differences). */
class NetworkInspectListIT extends NetworkApiApplication {

    private Response list(String filters) {
        return api().queryParam("filters", filters).get("/networks");
    }

    @Test
    void predefinedNetworksExistAsDocker() {
        JsonPath bridge = inspect("bridge");
        assertThat(bridge.getString("Driver")).isEqualTo("bridge");
        assertThat(bridge.getList("IPAM.Config")).containsExactly(Map.of("Subnet", "172.17.0.0/16"));
        assertThat(bridge.getMap("Options")).isEqualTo(Map.of(
                "com.docker.network.bridge.default_bridge", "true",
                "com.docker.network.bridge.enable_icc", "true",
                "com.docker.network.bridge.enable_ip_masquerade", "true",
                "com.docker.network.bridge.host_binding_ipv4", "0.0.0.0",
                "com.docker.network.bridge.name", "docker0",
                "com.docker.network.driver.mtu", "1500"));
        assertThat(api().get("/v1.41/networks/host").asString()).contains("\"Driver\":\"host\"")
                .contains("\"IPAM\":{\"Driver\":\"default\",\"Options\":null,\"Config\":[]}")
                .contains("\"Options\":{},\"Labels\":{}}");
        assertThat(inspect("none").getString("Driver")).isEqualTo("null");
        assertThat(names(api().get("/networks"))).contains("bridge", "host", "none");
        assertThat(names(api().get("/networks/"))).as("trailing slash").contains("bridge", "host", "none");
        assertThat(api().get("/info").jsonPath().getMap("$")).as("pools are listed only when configured")
                .doesNotContainKey("DefaultAddressPools");
    }

    @Test
    void bridgeNetworksForTheKernelAtStartAreTheStoredBridges() {
        String name = unique("desired");
        String id = create("{\"Name\":\"" + name + "\",\"Options\":{\"com.docker.network.bridge.name\":\"nwdesired\"}}");
        String cfg = create("{\"Name\":\"" + unique("desired-cfg") + "\",\"ConfigOnly\":true}");
        assertThat(service.bridgeNetworks()).anyMatch(b -> b.bridgeName().equals("docker0"))
                .anyMatch(b -> b.networkId().equals(id) && b.bridgeName().equals("nwdesired"))
                .noneMatch(b -> b.networkId().equals(cfg) || b.networkId().equals(inspect("host").getString("Id")));
        remove(id);
        remove(cfg);
    }

    @org.springframework.beans.factory.annotation.Autowired
    NetworkService service;

    @Test
    void resolvesFullIdThenNameThenUniquePrefix() {
        String name = unique("res");
        String id = createNamed(name);
        assertThat(inspect(id).getString("Name")).isEqualTo(name);
        assertThat(inspect(name).getString("Id")).isEqualTo(id);
        assertThat(inspect(id.substring(0, 20)).getString("Id")).isEqualTo(id);
        assertThat(error(api().get("/networks/nonexist"))).isEqualTo("404 network nonexist not found");
        assertThat(error(api().get("/networks/" + name + "/"))).isEqualTo("404 network " + name + "/ not found");
        assertThat(error(api().delete("/networks/" + name + "/"))).isEqualTo("404 network " + name + "/ not found");
        assertThat(error(api().delete("/networks/nonexist"))).isEqualTo("404 network nonexist not found");
        assertThat(error(api().get("/networks/" + id.toUpperCase()))).startsWith("404");
        String impostor = unique("impostor");
        create("{\"Name\":\"" + id.substring(0, 20) + "\"}");
        assertThat(inspect(id.substring(0, 20)).getString("Id")).as("an exact name beats a prefix").isNotEqualTo(id);
        remove(id.substring(0, 20));
        remove(id);
        assertThat(impostor).isNotEmpty();
    }

    @Test
    void anAmbiguousPrefixIsAnErrorWithTwoWordings() {
        Map<Character, List<String>> byFirstHex = new HashMap<>();
        for (String id : api().get("/networks").jsonPath().getList("Id", String.class)) {
            byFirstHex.computeIfAbsent(id.charAt(0), c -> new ArrayList<>()).add(id);
        }
        List<String> created = new ArrayList<>();
        Character shared = null;
        while (shared == null) {
            String id = createNamed(unique("amb"));
            created.add(id);
            List<String> same = byFirstHex.computeIfAbsent(id.charAt(0), c -> new ArrayList<>());
            same.add(id);
            if (same.size() >= 2) {
                shared = id.charAt(0);
            }
        }
        int matches = api().get("/networks").jsonPath().getList("Id", String.class).stream()
                .filter(i -> i.charAt(0) == byFirstHex.get(created.get(created.size() - 1).charAt(0)).get(0).charAt(0))
                .toList().size();
        String prefix = String.valueOf(shared);
        assertThat(error(api().get("/networks/" + prefix)))
                .isEqualTo("400 " + matches + " matches found based on ID prefix: network " + prefix + " is ambiguous");
        assertThat(error(api().delete("/networks/" + prefix)))
                .isEqualTo("400 network " + prefix + " is ambiguous (" + matches + " matches found based on ID prefix)");
        created.forEach(this::remove);
    }

    @Test
    void inspectParameters() {
        assertThat(inspect("bridge?verbose=true").getString("Name")).isEqualTo("bridge");
        assertThat(api().get("/networks/bridge?verbose=1&scope=local").statusCode()).isEqualTo(200);
        assertThat(error(api().get("/networks/bridge?verbose=bad")))
                .isEqualTo("400 invalid value for verbose: bad: strconv.ParseBool: parsing \"bad\": invalid syntax");
        assertThat(error(api().get("/networks/bridge?scope=swarm"))).isEqualTo("404 network bridge not found");
        assertThat(error(api().get("/networks/bridge?scope=foo"))).isEqualTo("404 network bridge not found");
    }

    @Test
    void inspectListsTheEndpointsOfRunningContainers() {
        String name = unique("busy");
        String id = createNamed(name);
        endpoints.put(id, List.of(new NetworkUser("c".repeat(64), "ctr", "e".repeat(64), "02:42:ac:12:00:02",
                "172.18.0.2/16", "")));
        String json = api().get("/networks/" + name).asString();
        assertThat(json).contains("\"Containers\":{\"" + "c".repeat(64) + "\":{\"Name\":\"ctr\",\"EndpointID\":\""
                + "e".repeat(64) + "\",\"MacAddress\":\"02:42:ac:12:00:02\",\"IPv4Address\":\"172.18.0.2/16\","
                + "\"IPv6Address\":\"\"}}");
        assertThat(api().get("/v1.27/networks").jsonPath().getMap("find { it.Id == '" + id + "' }.Containers"))
                .containsOnlyKeys("c".repeat(64));
        assertThat(api().get("/v1.28/networks").jsonPath().getMap("find { it.Id == '" + id + "' }.Containers"))
                .isEmpty();
        endpoints.clear();
        remove(id);
    }

    @Test
    void enableIpv4AppearsFromApi148() {
        assertThat(api().get("/v1.47/networks/bridge").asString()).doesNotContain("EnableIPv4");
        assertThat(api().get("/v1.48/networks/bridge").asString()).contains("\"Driver\":\"bridge\",\"EnableIPv4\":true,"
                + "\"EnableIPv6\":false");
        assertThat(api().get("/v1.47/networks").asString()).doesNotContain("EnableIPv4");
    }

    @Test
    void filters() {
        String label = unique("lbl");
        String a = unique("fa");
        String b = unique("fb");
        String idA = create("{\"Name\":\"" + a + "\",\"Labels\":{\"" + label + "\":\"x\",\"other\":\"1\"}}");
        String idB = create("{\"Name\":\"" + b + "\",\"Labels\":{\"" + label + "\":\"y\"}}");

        assertThat(names(list("{\"label\":{\"" + label + "\":true}}"))).containsExactlyInAnyOrder(a, b);
        assertThat(names(list("{\"label\":[\"" + label + "=x\"]}"))).containsExactly(a);
        assertThat(names(list("{\"label\":[\"" + label + "\",\"other=1\"]}"))).as("labels AND-ed").containsExactly(a);
        assertThat(names(list("{\"name\":{\"" + a + "\":false}}"))).as("map value ignored").containsExactly(a);
        assertThat(names(list("{\"name\":[\"^" + a + "$\",\"^" + b + "$\"]}"))).containsExactlyInAnyOrder(a, b);
        assertThat(names(list("{\"name\":[\"-f[ab]-\"],\"label\":[\"" + label + "\"]}"))).containsExactlyInAnyOrder(a, b);
        assertThat(names(list("{\"id\":[\"" + idA.substring(10, 30) + "\"]}"))).containsExactly(a);
        assertThat(names(list("{\"driver\":[\"bridge\"],\"label\":[\"" + label + "\"]}"))).hasSize(2);
        assertThat(names(list("{\"driver\":[\"brid\"]}"))).isEmpty();
        assertThat(names(list("{\"driver\":[\"null\"]}"))).containsExactly("none");
        assertThat(names(list("{\"scope\":[\"local\"],\"label\":[\"" + label + "\"]}"))).hasSize(2);
        assertThat(names(list("{\"scope\":[\"swarm\"]}"))).isEmpty();
        assertThat(names(list("{\"type\":[\"builtin\"]}"))).containsExactlyInAnyOrder("bridge", "host", "none");
        assertThat(names(list("{\"type\":[\"custom\"]}"))).contains(a, b).doesNotContain("bridge", "host", "none");
        assertThat(names(list("{\"type\":[\"custom\",\"builtin\"]}"))).contains(a, "bridge");
        assertThat(names(list(""))).contains(a, "bridge");
        assertThat(names(list("null"))).contains(a, "bridge");
        assertThat(names(list("{\"label\":[]}"))).contains(a, "bridge");

        endpoints.put(idA, List.of(new NetworkUser("c".repeat(64), "c", "e".repeat(64), "", "", "")));
        assertThat(names(list("{\"dangling\":[\"true\"],\"label\":[\"" + label + "\"]}"))).containsExactly(b);
        assertThat(names(list("{\"dangling\":{\"1\":true}}"))).contains(b).doesNotContain(a, "bridge");
        assertThat(names(list("{\"dangling\":[\"false\"]}"))).contains(a, "bridge", "host", "none").doesNotContain(b);
        assertThat(names(list("{\"dangling\":[\"0\"]}"))).contains(a).doesNotContain(b);
        remove(idB);
        endpoints.clear();
        remove(idA);
    }

    @Test
    void badFilters() {
        assertThat(error(list("{\"bogus\":[\"x\"]}"))).isEqualTo("400 invalid filter 'bogus'");
        assertThat(error(list("{\"dangling\":[\"maybe\"]}")))
                .isEqualTo("400 invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")");
        assertThat(error(list("{\"dangling\":[\"true\",\"false\"]}")))
                .isEqualTo("400 got more than one value for filter key \"dangling\"");
        assertThat(error(list("{\"type\":[\"foo\"]}"))).isEqualTo("500 invalid filter: 'type'='foo'");
        assertThat(error(list("{\"driver\":{\"bridge\":false},\"label\":[\"rs=1\"]}"))).isEqualTo("400 invalid filter");
        assertThat(error(list("{\"name\":\"rsx\"}"))).isEqualTo("400 invalid filter");
        assertThat(error(list("notjson"))).isEqualTo("400 invalid filter");
    }
}
