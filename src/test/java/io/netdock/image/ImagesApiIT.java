package io.netdock.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.netdock.events.Event;
import io.netdock.events.EventLog;
import io.netdock.testing.WholeApplication;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The emulated image endpoints, shaped like dockerd's. */
class ImagesApiIT extends WholeApplication {

    @Autowired
    EventLog events;

    @Test
    void pullAnswersDockersProgressStreamAndRemembersTheImage() {
        String repo = "pull-" + UUID.randomUUID().toString().substring(0, 8);
        String first = api().queryParam("fromImage", repo).queryParam("tag", "1.0").post("/images/create")
                .then().statusCode(200).contentType("application/json").extract().asString();
        String digest = ImageReference.parse(repo + ":1.0").manifestDigest();
        assertThat(first).isEqualTo("{\"status\":\"Pulling from library/" + repo + "\",\"id\":\"1.0\"}\n"
                + "{\"status\":\"Digest: " + digest + "\"}\n"
                + "{\"status\":\"Status: Downloaded newer image for " + repo + ":1.0\"}\n");
        String second = api().queryParam("fromImage", "docker.io/library/" + repo + ":1.0").post("/images/create")
                .then().statusCode(200).extract().asString();
        assertThat(second).endsWith("{\"status\":\"Status: Image is up to date for " + repo + ":1.0\"}\n");
        api().get("/images/json").then().statusCode(200).body("RepoTags.flatten()", hasItem(repo + ":1.0"));
        List<Event> pulls = events.history().stream()
                .filter(event -> event.type().equals("image") && event.actorId().equals(repo + ":1.0")).toList();
        assertThat(pulls).hasSize(2).allMatch(event -> event.action().equals("pull")
                && event.attributes().equals(Map.of("name", repo)));
    }

    /** {@code docker pull}: records the image in the catalogue. */
    private void pull(String reference) {
        api().queryParam("fromImage", reference).post("/images/create").then().statusCode(200);
    }

    @Test
    void inspectAnswersWhatWasPulledOrUsedConsistently() {
        String unseen = "never-" + UUID.randomUUID().toString().substring(0, 8);
        api().get("/images/" + unseen + "/json").then().statusCode(404)
                .body("message", equalTo("No such image: " + unseen + ":latest"));
        api().get("/images/json").then().body("RepoTags.flatten()", not(hasItem(unseen + ":latest")));
        api().contentType("application/json").body("{\"Image\":\"" + unseen + "\"}").post("/containers/create?name="
                + unseen).then().statusCode(201);
        api().get("/images/" + unseen + "/json").then().statusCode(200)
                .body("RepoTags[0]", equalTo(unseen + ":latest"));
        api().delete("/containers/" + unseen).then().statusCode(204);

        pull("busybox:latest");
        pull("localhost:5000/team/app:1");
        String id = ImageReference.parse("busybox:latest").imageId();
        String body = api().get("/images/busybox/json").then().statusCode(200).extract().asString();
        assertThat(body).startsWith("{\"Id\":\"" + id + "\",\"RepoTags\":[\"busybox:latest\"],\"RepoDigests\":[],"
                + "\"Comment\":\"\",\"Created\":\"");
        JsonPath current = JsonPath.from(body);
        assertThat(current.getMap("Config")).containsEntry("Cmd", null).doesNotContainKey("Hostname");
        assertThat(current.getString("Os")).isEqualTo("linux");
        assertThat(current.getInt("Size")).isZero();
        assertThat(current.getMap("$")).doesNotContainKeys("VirtualSize", "Container", "Parent");
        // beyond Docker (which drops it from 1.45 on): docker-compose v1 reads it at the newest version
        assertThat(current.getMap("ContainerConfig")).containsEntry("Hostname", "").containsEntry("Volumes", null);
        assertThat(current.getMap("RootFS")).isEqualTo(Map.of("Type", "layers"));

        JsonPath old = api().get("/v1.41/images/docker.io/library/busybox:latest/json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(old.getString("Id")).isEqualTo(id);
        assertThat(old.getString("Created")).isEqualTo(current.getString("Created"));
        assertThat(old.getMap("$")).containsKeys("Parent", "Container", "ContainerConfig", "DockerVersion", "VirtualSize");
        assertThat(old.getMap("Config")).containsEntry("Hostname", "").containsEntry("Image", "");

        api().get("/images/" + id + "/json").then().statusCode(200).body("RepoTags[0]", equalTo("busybox:latest"));
        api().get("/images/" + id.substring(7, 19) + "/json").then().statusCode(200).body("Id", equalTo(id));
        api().get("/images/localhost:5000/team/app:1/json").then().statusCode(200)
                .body("RepoTags[0]", equalTo("localhost:5000/team/app:1"));
    }

    @Test
    void rejectsMalformedReferencesAndUnknownIds() {
        api().get("/images/BusyBox/json").then().statusCode(400)
                .body("message", equalTo("invalid reference format: repository name (library/BusyBox) must be lowercase"));
        api().get("/images/busybox:la:test/json").then().statusCode(400)
                .body("message", equalTo("invalid reference format"));
        String unknown = "sha256:" + "0".repeat(64);
        api().get("/images/" + unknown + "/json").then().statusCode(404)
                .body("message", equalTo("No such image: " + unknown));
        api().queryParam("fromImage", "busybox").queryParam("tag", "a:b").post("/images/create").then()
                .statusCode(400).body("message", equalTo("invalid tag format"));
        api().post("/images/create").then().statusCode(501);
    }

    @Test
    void listsWithDockersShapesAndFilters() {
        String repo = "list-" + UUID.randomUUID().toString().substring(0, 8);
        pull(repo + ":2");
        String list = api().get("/v1.41/images/json").then().statusCode(200).extract().asString();
        assertThat(list).contains("{\"Containers\":-1,\"Created\":");
        assertThat(list).contains("\"Labels\":null,\"ParentId\":\"\",\"RepoDigests\":null,\"RepoTags\":[\"" + repo
                + ":2\"],\"SharedSize\":-1,\"Size\":0,\"VirtualSize\":0}");
        api().get("/images/json").then().body("find { it.RepoTags[0] == '" + repo + ":2' }.Containers", equalTo(0))
                .body("find { it.RepoTags[0] == '" + repo + ":2' }.VirtualSize", nullValue());
        api().queryParam("filters", "{\"reference\":[\"list-*\"]}").get("/images/json").then().statusCode(200)
                .body("RepoTags.flatten()", hasItem(repo + ":2"))
                .body("RepoTags.flatten()", not(hasItem("busybox:latest")));
        api().queryParam("filters", "{\"dangling\":[\"true\"]}").get("/images/json").then().statusCode(200)
                .body("size()", equalTo(0));
        api().queryParam("filters", "{\"bogus\":[\"x\"]}").get("/images/json").then().statusCode(400)
                .body("message", equalTo("invalid filter 'bogus'"));
        api().queryParam("filters", "{\"dangling\":[\"maybe\"]}").get("/images/json").then().statusCode(400)
                .body("message", equalTo("invalid filter 'dangling=[maybe]'"));
        api().queryParam("filters", "{\"before\":[\"nosuch-" + repo + "\"]}").get("/images/json").then()
                .statusCode(404).body("message", equalTo("No such image: nosuch-" + repo + ":latest"));
    }

    @Test
    void removeUntagsThenDeletes() {
        String repo = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        pull("localhost:5000/" + repo + ":1");
        String id = api().get("/images/localhost:5000/" + repo + ":1/json").then().statusCode(200)
                .extract().path("Id");
        String body = api().delete("/images/localhost:5000/" + repo + ":1").then().statusCode(200).extract().asString();
        assertThat(body).isEqualTo("[{\"Untagged\":\"localhost:5000/" + repo + ":1\"},{\"Deleted\":\"" + id + "\"}]\n");
        api().delete("/images/localhost:5000/" + repo + ":1").then().statusCode(404)
                .body("message", equalTo("No such image: localhost:5000/" + repo + ":1"));
        api().get("/images/json").then().body("RepoTags.flatten()", not(hasItem("localhost:5000/" + repo + ":1")));
    }

    @Test
    void volumesAndPluginsAreEmpty() {
        assertThat(api().get("/volumes").then().statusCode(200).extract().asString())
                .isEqualTo("{\"Volumes\":[],\"Warnings\":null}\n");
        api().get("/volumes/x").then().statusCode(404).body("message", equalTo("get x: no such volume"));
        assertThat(api().get("/plugins").then().statusCode(200).extract().asString()).isEqualTo("[]\n");
        api().queryParam("filters", "{\"bogus\":[\"x\"]}").get("/volumes").then().statusCode(400);
    }

    @Test
    void infoCountsKnownImages() {
        int before = api().get("/info").then().statusCode(200).extract().path("Images");
        String repo = "count-" + UUID.randomUUID().toString().substring(0, 8);
        api().queryParam("fromImage", repo).queryParam("tag", "1").post("/images/create").then().statusCode(200);
        api().get("/info").then().body("Images", equalTo(before + 1));
        api().queryParam("fromImage", repo).queryParam("tag", "1").post("/images/create").then().statusCode(200);
        api().get("/info").then().body("Images", equalTo(before + 1));
    }
}
