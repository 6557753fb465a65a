package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netdock.store.StoreFeed;
import io.netdock.testing.ApiClient;
import io.netdock.testing.ApiClient.Reply;
import io.netdock.testing.RunningNetdock;
import io.netdock.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two netdocks on one PostgreSQL schema (two application contexts, each with its own caches and kernel) see each
 * other's writes at once: what one creates, connects, starts, stops or removes the other inspects, lists, connects,
 * stops or removes in the very next request, and every event reaches the {@code /events} streams of both. The
 * version check before each request keeps answers current when notifications are lost: with the listener cut off
 * on purpose (its database connection terminated) and with no listener at all.
 */
class SharedStoreCoherenceIT {

    @Test
    void whatOneNetdockWritesTheOtherServesAtOnce() {
        String[] database = TestDatabases.postgresApplicationProperties();
        try (RunningNetdock first = RunningNetdock.start(database); RunningNetdock second = RunningNetdock.start(database);
             ApiClient one = ApiClient.tcp(first.port()); ApiClient two = ApiClient.tcp(second.port())) {
            roundTrip(one, two, "co");
        }
    }

    @Test
    void aLostNotificationServesNoStaleData() {
        String[] database = TestDatabases.postgresApplicationProperties();
        try (RunningNetdock first = RunningNetdock.start(database); RunningNetdock second = RunningNetdock.start(database);
             ApiClient one = ApiClient.tcp(first.port()); ApiClient two = ApiClient.tcp(second.port())) {
            // the second's listening connection goes away: what is notified meanwhile never reaches it
            String listener = "netdock-feed-" + second.bean(StoreFeed.class).origin();
            JdbcClient jdbc = first.bean(JdbcClient.class);
            // its listener thread connects after start returns: wait until it is there
            await("the second netdock listens").atMost(Duration.ofSeconds(30)).until(() -> jdbc
                    .sql("select count(*) from pg_stat_activity where application_name = ?").param(listener)
                    .query(Long.class).single() == 1L);
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")
                    .param(listener).query().listOfRows();
            roundTrip(one, two, "lost");
        }
    }

    @Test
    void withoutNotificationsAtAllEveryAnswerIsCurrent() {
        String[] database = TestDatabases.postgresApplicationProperties();
        List<String> deaf = new ArrayList<>(List.of(database));
        deaf.add("--netdock.store.listen=false");
        try (RunningNetdock first = RunningNetdock.start(database);
             RunningNetdock second = RunningNetdock.start(deaf.toArray(String[]::new));
             ApiClient one = ApiClient.tcp(first.port()); ApiClient two = ApiClient.tcp(second.port())) {
            roundTrip(one, two, "deaf");
            roundTrip(two, one, "deaf2");
        }
    }

    @Test
    void eventsOfEitherNetdockReachTheStreamsOfBoth() throws Exception {
        String[] database = TestDatabases.postgresApplicationProperties();
        try (RunningNetdock first = RunningNetdock.start(database); RunningNetdock second = RunningNetdock.start(database);
             ApiClient one = ApiClient.tcp(first.port()); ApiClient two = ApiClient.tcp(second.port())) {
            HttpClient http = HttpClient.newHttpClient();
            String filter = "?filters=" + java.net.URLEncoder.encode("{\"type\":[\"network\"]}", StandardCharsets.UTF_8);
            try (BufferedReader streamOne = stream(http, first.port(), filter);
                 BufferedReader streamTwo = stream(http, second.port(), filter)) {
                String a = created(one.post("/networks/create", "{\"Name\":\"ev-a\"}"));
                String b = created(two.post("/networks/create", "{\"Name\":\"ev-b\"}"));
                assertThat(one.delete("/networks/ev-b").status()).isEqualTo(204);
                for (BufferedReader stream : List.of(streamOne, streamTwo)) {
                    assertThat(nextEvent(stream)).isEqualTo("create " + a);
                    assertThat(nextEvent(stream)).isEqualTo("create " + b);
                    assertThat(nextEvent(stream)).isEqualTo("destroy " + b);
                }
            }
        }
    }

    /** Everything made through {@code writer} is served, changed and removed through {@code reader} and back. */
    private static void roundTrip(ApiClient writer, ApiClient reader, String prefix) {
        String net = created(writer.post("/networks/create", "{\"Name\":\"" + prefix + "-net\","
                + "\"IPAM\":{\"Config\":[{\"Subnet\":\"10.232." + Math.abs(prefix.hashCode() % 200) + ".0/24\"}]}}"));
        assertThat(names(reader.get("/networks"))).contains(prefix + "-net");
        String other = created(reader.post("/networks/create", "{\"Name\":\"" + prefix + "-other\"}"));

        String id = created(writer.post("/containers/create?name=" + prefix + "-c",
                "{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":\"" + prefix + "-net\","
                        + "\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\"}]}}}"));
        assertThat(reader.get("/containers/" + prefix + "-c/json").status()).isEqualTo(200);
        assertThat(containerNames(reader.get("/containers/json?all=1"))).contains("/" + prefix + "-c");

        assertThat(reader.post("/containers/" + prefix + "-c/start").status()).isEqualTo(204);
        JsonNode running = writer.get("/containers/" + id + "/json").json();
        assertThat(running.path("State").path("Running").asBoolean()).isTrue();
        String address = running.path("NetworkSettings").path("Networks").path(prefix + "-net").path("IPAddress")
                .asString();
        assertThat(address).startsWith("10.232.");
        assertThat(running.path("NetworkSettings").path("Ports").path("80/tcp").get(0).path("HostPort").asString())
                .isNotEmpty();
        assertThat(writer.get("/networks/" + net).json().path("Containers").path(id).path("IPv4Address").asString())
                .isEqualTo(address + "/24");
        assertThat(containerNames(writer.get("/containers/json"))).contains("/" + prefix + "-c");

        Reply connected = writer.post("/networks/" + other + "/connect", "{\"Container\":\"" + prefix + "-c\"}");
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(reader.get("/containers/" + id + "/json").json().path("NetworkSettings").path("Networks")
                .has(prefix + "-other")).isTrue();
        assertThat(reader.get("/networks/" + other).json().path("Containers").has(id)).isTrue();
        assertThat(reader.post("/networks/" + other + "/disconnect", "{\"Container\":\"" + id + "\"}").status())
                .isEqualTo(200);
        assertThat(writer.get("/networks/" + other).json().path("Containers").has(id)).isFalse();

        assertThat(reader.post("/containers/" + id + "/stop?t=0").status()).isEqualTo(204);
        assertThat(writer.get("/containers/" + id + "/json").json().path("State").path("Running").asBoolean())
                .isFalse();
        assertThat(writer.post("/containers/" + id + "/stop?t=0").status()).as("already stopped").isEqualTo(304);
        assertThat(writer.get("/networks/" + net).json().path("Containers").size()).isZero();

        assertThat(writer.delete("/containers/" + id).status()).isEqualTo(204);
        assertThat(reader.get("/containers/" + id + "/json").status()).isEqualTo(404);
        assertThat(containerNames(reader.get("/containers/json?all=1"))).doesNotContain("/" + prefix + "-c");

        assertThat(reader.delete("/networks/" + net).status()).isEqualTo(204);
        assertThat(writer.delete("/networks/" + other).status()).isEqualTo(204);
        assertThat(names(writer.get("/networks"))).doesNotContain(prefix + "-net", prefix + "-other");
        assertThat(writer.get("/networks/" + net).status()).isEqualTo(404);
    }

    private static BufferedReader stream(HttpClient http, int port, String query) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/events" + query)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The next event of a stream as "action actor-id" (blocks until it comes). */
    private static String nextEvent(BufferedReader stream) throws Exception {
        String line;
        do {
            line = stream.readLine();
        } while (line != null && line.isBlank());
        assertThat(line).as("the stream ended").isNotNull();
        JsonNode event = new Reply(200, line).json();
        return event.path("Action").asString() + " " + event.path("Actor").path("ID").asString();
    }

    private static List<String> names(Reply list) {
        return StreamSupport.stream(list.json().spliterator(), false).map(n -> n.path("Name").asString()).toList();
    }

    private static List<String> containerNames(Reply list) {
        return StreamSupport.stream(list.json().spliterator(), false).map(n -> n.path("Names").get(0).asString())
                .toList();
    }

    private static String created(Reply reply) {
        if (reply.status() != 201) {
            throw new AssertionError("create: " + reply);
        }
        return reply.json().get("Id").asString();
    }
}
