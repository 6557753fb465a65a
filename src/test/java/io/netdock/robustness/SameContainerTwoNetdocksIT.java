package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ApiClient;
import io.netdock.testing.ApiClient.Reply;
import io.netdock.testing.RunningNetdock;
import io.netdock.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same change of one container (or network) asked of two netdocks sharing one PostgreSQL at the same instant:
 * exactly one applies it, the other answers what Docker answers the second of two such requests (304, 404, 409, the
 * conflicts of connect and disconnect), and the events show one change, never two. Each race runs several times.
 */
class SameContainerTwoNetdocksIT {

    private static final int ROUNDS = 6;

    private static RunningNetdock first;
    private static RunningNetdock second;
    private static ApiClient one;
    private static ApiClient two;
    private static ExecutorService both;

    @BeforeAll
    static void twoNetdocks() {
        String[] database = TestDatabases.postgresApplicationProperties();
        first = RunningNetdock.start(database);
        second = RunningNetdock.start(database);
        one = ApiClient.tcp(first.port());
        two = ApiClient.tcp(second.port());
        both = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        both.shutdownNow();
        one.close();
        two.close();
        second.close();
        first.close();
    }

    @Test
    void twoStopsStopOnce() throws Exception {
        races("stop", SameContainerTwoNetdocksIT::running, id -> api -> api.post("/containers/" + id + "/stop?t=0"),
                List.of(204, 304), id -> {
                    assertThat(events(id, "die")).isEqualTo(1);
                    assertThat(events(id, "kill")).isEqualTo(2); // SIGTERM, then SIGKILL for t=0: once
                    assertThat(events(id, "stop")).isEqualTo(1);
                    assertState(id, "exited");
                });
    }

    @Test
    void twoStartsStartOnce() throws Exception {
        races("start", SameContainerTwoNetdocksIT::created, id -> api -> api.post("/containers/" + id + "/start"),
                List.of(204, 304), id -> {
                    assertThat(events(id, "start")).isEqualTo(1);
                    assertState(id, "running");
                });
    }

    @Test
    void twoKillsKillOnce() throws Exception {
        races("kill", SameContainerTwoNetdocksIT::running, id -> api -> api.post("/containers/" + id + "/kill"),
                List.of(204, 409), id -> {
                    assertThat(events(id, "kill")).isEqualTo(1);
                    assertThat(events(id, "die")).isEqualTo(1);
                    assertState(id, "exited");
                });
    }

    @Test
    void twoRestartsRunOneAfterTheOther() throws Exception {
        races("restart", SameContainerTwoNetdocksIT::running,
                id -> api -> api.post("/containers/" + id + "/restart?t=0"), List.of(204, 204), id -> {
                    assertThat(events(id, "restart")).isEqualTo(2);
                    assertThat(events(id, "die")).isEqualTo(2);
                    assertThat(events(id, "start")).isEqualTo(3);
                    assertState(id, "running");
                });
    }

    @Test
    void twoForcedRemovalsRemoveOnce() throws Exception {
        races("remove", SameContainerTwoNetdocksIT::running, id -> api -> api.delete("/containers/" + id + "?force=true"),
                List.of(204, 404), id -> {
                    assertThat(events(id, "die")).isEqualTo(1);
                    assertThat(events(id, "destroy")).isEqualTo(1);
                    assertThat(one.get("/containers/" + id + "/json").status()).isEqualTo(404);
                    assertThat(two.get("/containers/" + id + "/json").status()).isEqualTo(404);
                });
    }

    @Test
    void twoRenamesOfOneNameRenameOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String id = created("rename" + i);
            String name = "rename" + i;
            List<Integer> answers = race(api -> api.post("/containers/" + name + "/rename?name=" + name + "-"
                    + (api == one ? "one" : "two")));
            assertThat(answers).containsExactly(204, 404);
            assertThat(events(id, "rename")).isEqualTo(1);
            String now = two.get("/containers/" + id + "/json").json().get("Name").asString();
            assertThat(now).isIn("/" + name + "-one", "/" + name + "-two");
            assertThat(one.get("/containers/" + id + "/json").json().get("Name").asString()).isEqualTo(now);
        }
    }

    @Test
    void twoConnectsAndTwoDisconnectsApplyOnce() throws Exception {
        String network = createdNetwork("race-net");
        for (int i = 0; i < ROUNDS; i++) {
            String id = running("connect" + i);
            String body = "{\"Container\":\"" + id + "\"}";
            List<Integer> connects = race(api -> api.post("/networks/race-net/connect", body));
            assertThat(connects).containsExactly(200, 403);
            assertThat(networkEvents(network, id, "connect")).isEqualTo(1);
            assertThat(endpointsOn(network, id)).isEqualTo(1);
            List<Integer> disconnects = race(api -> api.post("/networks/race-net/disconnect", body));
            assertThat(disconnects).containsExactly(200, 500);
            assertThat(networkEvents(network, id, "disconnect")).isEqualTo(1);
            assertThat(endpointsOn(network, id)).isZero();
            assertThat(two.get("/containers/" + id + "/json").json().get("NetworkSettings").get("Networks")
                    .has("race-net")).isFalse();
        }
    }

    /** A network removed through one while a running container is connected to it through the other: one wins. */
    @Test
    void aNetworkRemovedWhileTheOtherConnectsEndsOneWayOrTheOther() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String network = createdNetwork("gone-net" + i);
            String id = running("gone" + i);
            String name = "gone-net" + i;
            CountDownLatch ready = new CountDownLatch(2);
            Future<Reply> connect = both.submit(() -> atOnce(ready,
                    () -> one.post("/networks/" + name + "/connect", "{\"Container\":\"" + id + "\"}")));
            Future<Reply> remove = both.submit(() -> atOnce(ready, () -> two.delete("/networks/" + name)));
            Reply connected = connect.get();
            Reply removed = remove.get();
            if (connected.status() == 200) {
                assertThat(removed.status()).as(removed.body()).isEqualTo(403);
                assertThat(removed.message()).contains("has active endpoints");
                assertThat(endpointsOn(network, id)).isEqualTo(1);
                assertThat(one.get("/networks/" + network).status()).isEqualTo(200);
                assertThat(two.get("/networks/" + network).status()).isEqualTo(200);
            } else {
                assertThat(connected.status()).as(connected.body()).isEqualTo(404);
                assertThat(connected.message()).isEqualTo("network " + name + " not found");
                assertThat(removed.status()).as(removed.body()).isEqualTo(204);
                assertThat(endpointsOn(network, id)).isZero();
                assertThat(one.get("/networks/" + network).status()).isEqualTo(404);
                assertThat(two.get("/networks/" + network).status()).isEqualTo(404);
                assertThat(one.get("/containers/" + id + "/json").json().get("NetworkSettings").get("Networks")
                        .has(name)).isFalse();
            }
        }
    }

    /**
     * {@link #ROUNDS} times: a container made by {@code setup}, the same request through both netdocks at once, the
     * two answers (sorted) as {@code answers}, then {@code then}'s checks.
     */
    private static void races(String prefix, Function<String, String> setup,
                              Function<String, Function<ApiClient, Reply>> request, List<Integer> answers,
                              Consumer<String> then) throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String id = setup.apply(prefix + i);
            assertThat(race(request.apply(id))).as(prefix + i).isEqualTo(answers);
            then.accept(id);
        }
    }

    /** The two answers, sorted, to the same request sent through each netdock at the same instant. */
    private static List<Integer> race(Function<ApiClient, Reply> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        Future<Reply> viaOne = both.submit(() -> atOnce(ready, () -> request.apply(one)));
        Future<Reply> viaTwo = both.submit(() -> atOnce(ready, () -> request.apply(two)));
        List<Integer> answers = new ArrayList<>(List.of(viaOne.get().status(), viaTwo.get().status()));
        answers.sort(Integer::compare);
        return answers;
    }

    private static Reply atOnce(CountDownLatch ready, java.util.function.Supplier<Reply> request)
            throws InterruptedException {
        ready.countDown();
        ready.await();
        return request.get();
    }

    private static String created(String name) {
        Reply reply = one.post("/containers/create?name=" + name, "{\"Image\":\"busybox\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("Id").asString();
    }

    private static String running(String name) {
        String id = created(name);
        assertThat(two.post("/containers/" + id + "/start").status()).isEqualTo(204);
        return id;
    }

    private static String createdNetwork(String name) {
        Reply reply = two.post("/networks/create", "{\"Name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("Id").asString();
    }

    private static void assertState(String id, String status) {
        assertThat(one.get("/containers/" + id + "/json").json().get("State").get("Status").asString())
                .isEqualTo(status);
        assertThat(two.get("/containers/" + id + "/json").json().get("State").get("Status").asString())
                .isEqualTo(status);
    }

    /** The container events of one action both netdocks published, as the store feed recorded them. */
    private static long events(String containerId, String action) {
        return jdbc().sql("select count(*) from store_change where kind = 'event' and subject = ? and detail like ?")
                .param(containerId).param("%\"action\":\"" + action + "\"%").query(Long.class).single();
    }

    private static long networkEvents(String networkId, String containerId, String action) {
        return jdbc().sql("select count(*) from store_change where kind = 'event' and subject = ? and detail like ? "
                        + "and detail like ?")
                .param(networkId).param("%\"action\":\"" + action + "\"%").param("%" + containerId + "%")
                .query(Long.class).single();
    }

    private static long endpointsOn(String networkId, String containerId) {
        return jdbc().sql("select count(*) from endpoint where network_id = ? and container_id = ?")
                .param(networkId).param(containerId).query(Long.class).single();
    }

    private static JdbcClient jdbc() {
        return first.bean(JdbcClient.class);
    }
}
