package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import io.netdock.events.Event;
import io.netdock.kernel.KernelException;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delete and prune, and what happens when the kernel refuses. */
class NetworkRemoveIT extends NetworkApiApplication {

    @Test
    void deleteAnswers204WithoutBody() {
        String name = unique("rm");
        createNamed(name);
        Response response = api().delete("/networks/" + name);
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.asString()).isEmpty();
        assertThat(response.contentType()).isEmpty();
        assertThat(error(api().delete("/networks/" + name))).isEqualTo("404 network " + name + " not found");
    }

    @Test
    void predefinedNetworksCannotBeRemoved() {
        for (String name : new String[] {"bridge", "host", "none"}) {
            assertThat(error(api().delete("/networks/" + name)))
                    .isEqualTo("403 " + name + " is a pre-defined network and cannot be removed");
        }
        String bridgeId = inspect("bridge").getString("Id");
        assertThat(error(api().delete("/networks/" + bridgeId)))
                .isEqualTo("403 bridge is a pre-defined network and cannot be removed");
    }

    @Test
    void aNetworkWithEndpointsCannotBeRemoved() {
        String name = unique("inuse");
        String id = createNamed(name);
        endpoints.put(id, List.of(new NetworkUser("c".repeat(64), "c", "e".repeat(64), "", "", "")));
        assertThat(error(api().delete("/networks/" + name)))
                .isEqualTo("403 error while removing network: network " + name + " id " + id + " has active endpoints");
        endpoints.clear();
        remove(name);
    }

    @Test
    void pruneRemovesUnusedCustomNetworksMatchingTheFilters() {
        String label = unique("prune");
        String keep = unique("keep");
        String busy = unique("busy");
        String gone = unique("gone");
        create("{\"Name\":\"" + keep + "\",\"Labels\":{\"" + label + "\":\"yes\",\"keep\":\"\"}}");
        String busyId = create("{\"Name\":\"" + busy + "\",\"Labels\":{\"" + label + "\":\"yes\"}}");
        create("{\"Name\":\"" + gone + "\",\"Labels\":{\"" + label + "\":\"yes\"}}");
        endpoints.put(busyId, List.of(new NetworkUser("c".repeat(64), "c", "e".repeat(64), "", "", "")));

        Response pruned = api().queryParam("filters", "{\"label\":[\"" + label + "=yes\"],\"label!\":[\"keep\"]}")
                .post("/networks/prune");
        assertThat(pruned.statusCode()).isEqualTo(200);
        assertThat(pruned.asString()).isEqualTo("{\"NetworksDeleted\":[\"" + gone + "\"]}\n");
        assertThat(names(api().get("/networks"))).contains(keep, busy, "bridge", "host", "none").doesNotContain(gone);

        Response nothing = api().queryParam("filters", "{\"label\":[\"" + label + "=yes\"],\"label!\":[\"keep\"]}")
                .post("/networks/prune");
        assertThat(nothing.asString()).isEqualTo("{\"NetworksDeleted\":null}\n");
        List<Event> history = events.history();
        assertThat(history.get(history.size() - 1)).satisfies(event -> {
            assertThat(event.action()).isEqualTo("prune");
            assertThat(event.actorId()).isEmpty();
            assertThat(event.attributes()).isEqualTo(Map.of("reclaimed", "0"));
        });
        endpoints.clear();
        api().queryParam("filters", "{\"label\":{\"" + label + "\":true}}").post("/networks/prune").then()
                .statusCode(200);
        assertThat(names(api().get("/networks"))).doesNotContain(keep, busy);
    }

    @Test
    void pruneUntil() {
        String label = unique("until");
        String name = unique("old");
        create("{\"Name\":\"" + name + "\",\"Labels\":{\"" + label + "\":\"\"}}");
        String filter = "{\"label\":[\"" + label + "\"],\"until\":[\"%s\"]}";
        assertThat(prune(String.format(filter, "1h"))).isEqualTo("{\"NetworksDeleted\":null}\n");
        assertThat(prune(String.format(filter, Instant.now().minusSeconds(3600).getEpochSecond())))
                .isEqualTo("{\"NetworksDeleted\":null}\n");
        assertThat(prune(String.format(filter, "2000-01-01T00:00:00Z"))).isEqualTo("{\"NetworksDeleted\":null}\n");
        assertThat(prune(String.format(filter, Instant.now().plusSeconds(60).getEpochSecond() + ".5")))
                .isEqualTo("{\"NetworksDeleted\":[\"" + name + "\"]}\n");
        assertThat(error(api().queryParam("filters", "{\"until\":[\"notatime\"]}").post("/networks/prune")))
                .isEqualTo("400 failed to parse value as time or duration: \"notatime\"");
        assertThat(error(api().queryParam("filters", "{\"until\":[\"1h\",\"2h\"]}").post("/networks/prune")))
                .isEqualTo("400 more than one until filter specified");
        assertThat(error(api().queryParam("filters", "{\"dangling\":[\"true\"]}").post("/networks/prune")))
                .isEqualTo("400 invalid filter 'dangling'");
    }

    private String prune(String filters) {
        return api().queryParam("filters", filters).post("/networks/prune").asString();
    }

    @Test
    void aKernelFailureOnCreateRollsTheNetworkBack() {
        doThrow(new KernelException("create bridge br-x: Operation not permitted", 1)).when(plumbing)
                .setUpNetwork(any());
        String name = unique("kfail");
        assertThat(error(post("/networks/create", "{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":"
                + "\"10.93.0.0/24\"}]}}")))
                .isEqualTo("500 failed to create network " + name + ": create bridge br-x: Operation not permitted");
        assertThat(error(api().get("/networks/" + name))).startsWith("404");
        org.mockito.Mockito.reset(plumbing);
        create("{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.93.0.0/24\"}]}}");
        remove(name);
    }

    @Test
    void aKernelFailureOnDeleteKeepsTheNetwork() {
        String name = unique("kdel");
        String id = createNamed(name);
        doThrow(new KernelException("delete link br-x: Device or resource busy", 16)).when(plumbing)
                .tearDownNetwork(any());
        assertThat(error(api().delete("/networks/" + name)))
                .isEqualTo("500 error while removing network: delete link br-x: Device or resource busy");
        assertThat(inspect(name).getString("Id")).isEqualTo(id);
        org.mockito.Mockito.reset(plumbing);
        remove(name);
    }
}
