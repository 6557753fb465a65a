package io.netdock.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.netdock.testing.WholeApplication;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /events} over HTTP: history, live delivery, filters, errors, the stream's life cycle. */
class EventsApiIT extends WholeApplication {

    @Autowired
    EventLog events;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void replaysHistoryBetweenSinceAndUntilAsDockerWritesIt() {
        String network = uniqueId();
        long before = nowSeconds();
        Event create = events.publish("network", "create", network, Map.of("name", "ev-a", "type", "bridge"));
        events.publish("network", "connect", network,
                ordered("name", "ev-a", "type", "bridge", "container", "c".repeat(64)));
        long after = nowSeconds() + 1;

        String body = api().queryParam("since", before).queryParam("until", after)
                .queryParam("filters", "{\"network\":{\"" + network + "\":true}}")
                .get("/v1.41/events").then().statusCode(200).contentType("application/json")
                .extract().asString();

        assertThat(body.lines().toList()).containsExactly(
                "{\"Type\":\"network\",\"Action\":\"create\",\"Actor\":{\"ID\":\"" + network + "\","
                        + "\"Attributes\":{\"name\":\"ev-a\",\"type\":\"bridge\"}},\"scope\":\"local\",\"time\":"
                        + create.timeSeconds() + ",\"timeNano\":" + create.timeNano() + "}",
                body.lines().toList().get(1));
        assertThat(body.lines().toList().get(1)).contains(
                "\"Attributes\":{\"container\":\"" + "c".repeat(64) + "\",\"name\":\"ev-a\",\"type\":\"bridge\"}");
        assertThat(body).endsWith("}\n");
    }

    @Test
    void containerEventsCarryTheDeprecatedFieldsFirst() {
        String container = uniqueId();
        long before = nowSeconds();
        events.publish("container", "start", container, Map.of("image", "busybox:latest", "name", "ev-c"));
        String line = api().queryParam("since", before).queryParam("until", nowSeconds() + 1)
                .queryParam("filters", "{\"container\":[\"" + container + "\"]}")
                .get("/events").then().statusCode(200).extract().asString().strip();
        assertThat(line).startsWith("{\"status\":\"start\",\"id\":\"" + container + "\",\"from\":\"busybox:latest\","
                + "\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"" + container + "\"");
    }

    @Test
    void filtersLikeDocker() {
        String tag = uniqueId().substring(0, 12);
        long since = nowSeconds();
        String net = "ev-net-" + tag;
        String netId = "a" + uniqueId().substring(1);
        events.publish("network", "create", netId, Map.of("name", net, "type", "bridge"));
        events.publish("network", "destroy", netId, Map.of("name", net, "type", "bridge"));
        String containerId = "b" + uniqueId().substring(1);
        events.publish("container", "create", containerId,
                Map.of("image", "docker.io/library/busybox:latest", "name", "ev-box-" + tag, "tier", tag));
        events.publish("network", "connect", netId, Map.of("name", net, "type", "bridge", "container", containerId));
        long until = nowSeconds() + 1;

        assertThat(actions(since, until, "{\"network\":[\"" + net + "\"]}"))
                .containsExactly("network create", "network destroy", "network connect");
        assertThat(actions(since, until, "{\"network\":[\"" + netId.substring(0, 10) + "\"],\"event\":[\"destroy\"]}"))
                .containsExactly("network destroy");
        assertThat(actions(since, until, "{\"network\":[\"ev-net-" + tag.substring(0, 4) + "\"]}"))
                .as("prefix of the name").hasSize(3);
        // A container filter never selects the network events that mention the container.
        assertThat(actions(since, until, "{\"container\":{\"ev-box-" + tag + "\":true}}"))
                .containsExactly("container create");
        assertThat(actions(since, until, "{\"container\":[\"" + containerId.substring(0, 12) + "\"]}"))
                .containsExactly("container create");
        assertThat(actions(since, until, "{\"image\":[\"busybox\"],\"label\":[\"tier=" + tag + "\"]}"))
                .containsExactly("container create");
        assertThat(actions(since, until, "{\"label\":[\"tier=other\"],\"type\":[\"container\"]}")).isEmpty();
        assertThat(actions(since, until, "{\"type\":[\"network\",\"container\"],\"event\":[\"create\"],"
                + "\"scope\":[\"local\"],\"name\":[\"" + tag + "\"]}"))
                .as("unknown keys are ignored").contains("network create", "container create");
        assertThat(actions(since, until, "{\"scope\":[\"swarm\"]}")).isEmpty();
    }

    @Test
    void rejectsBadParametersBeforeStreaming() {
        api().queryParam("since", "abc").get("/events").then().statusCode(500)
                .body("message", equalTo("strconv.ParseInt: parsing \"abc\": invalid syntax"));
        api().queryParam("since", "10m").get("/events").then().statusCode(500)
                .body("message", equalTo("strconv.ParseInt: parsing \"10m\": invalid syntax"));
        api().queryParam("since", "1795891145").queryParam("until", "1795891144").get("/events").then()
                .statusCode(400)
                .body("message", equalTo("`since` time (1795891145) cannot be after `until` time (1795891144)"));
        api().queryParam("since", "1").queryParam("until", "2").queryParam("filters", "bad").get("/events").then()
                .statusCode(400).body("message", equalTo("invalid filter"));
    }

    @Test
    void deliversLiveEventsAndForgetsTheClientWhenItLeaves() throws Exception {
        String network = uniqueId();
        int listenersBefore = events.listenerCount();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/events?filters="
                        + encode("{\"network\":[\"" + network + "\"]}"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        // The headers arrive before any event does.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Api-Version")).hasValue("1.51");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.listenerCount() == listenersBefore + 1);

        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        events.publish("network", "create", uniqueId(), Map.of("name", "someone-else", "type", "bridge"));
        events.publish("network", "create", network, Map.of("name", "ev-live", "type", "bridge"));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> readLine(lines));
        assertThat(first.get(10, TimeUnit.SECONDS)).contains("\"ID\":\"" + network + "\"")
                .contains("\"Action\":\"create\"");
        events.publish("network", "destroy", network, Map.of("name", "ev-live", "type", "bridge"));
        assertThat(CompletableFuture.supplyAsync(() -> readLine(lines)).get(10, TimeUnit.SECONDS))
                .contains("\"Action\":\"destroy\"");

        // No event is written after the client leaves: the server notices the closed connection by itself.
        response.body().close();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.listenerCount() == listenersBefore);
    }

    @Test
    void endsAtAFutureUntilAfterDeliveringWhatHappenedMeanwhile() throws Exception {
        String network = uniqueId();
        long until = nowSeconds() + 3;
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(HttpRequest.newBuilder(
                uri("/events?until=" + until + "&filters=" + encode("{\"network\":[\"" + network + "\"]}"))).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> events.listenerCount() > 0);
        events.publish("network", "create", network, Map.of("name", "ev-until", "type", "bridge"));
        HttpResponse<String> done = response.get(20, TimeUnit.SECONDS);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body().lines()).hasSize(1).allMatch(line -> line.contains(network));
        assertThat(System.currentTimeMillis() / 1000).isGreaterThanOrEqualTo(until);
    }

    @Test
    void infoCountsListeners() throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api().get("/info").jsonPath().getInt("NEventsListener") >= 1);
        } finally {
            response.body().close();
        }
    }

    private List<String> actions(long since, long until, String filters) {
        return api().queryParam("since", since).queryParam("until", until).queryParam("filters", filters)
                .get("/events").then().statusCode(200).extract().asString().lines()
                .map(line -> io.restassured.path.json.JsonPath.from(line))
                .map(json -> json.getString("Type") + " " + json.getString("Action")).toList();
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static String uniqueId() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
