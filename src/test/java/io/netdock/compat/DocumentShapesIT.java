package io.netdock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.WholeApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shape of documents whose values change from run to run ({@code /info}, image inspect and list, container
 * stats): every member's path, in the order dockerd writes it, with its JSON type, per API version, against golden
 * files. Values are left out; the order and presence of fields is what a rewrite of a document must keep.
 * Regenerate only for an intended change ({@code -Dnetdock.golden.update=true}) and read the diff.
 */
class DocumentShapesIT extends WholeApplication {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/shapes");

    @ParameterizedTest
    @ValueSource(strings = {"1.41", "1.44", "1.48", "1.51"})
    void info(String version) throws IOException {
        assertShape("info-" + version, get("/v" + version + "/info"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.41", "1.44", "1.50", "1.51"})
    void images(String version) throws IOException {
        api().post("/images/create?fromImage=busybox&tag=latest").then().statusCode(200);
        assertShape("image-inspect-" + version, get("/v" + version + "/images/busybox:latest/json"));
        String list = api().queryParam("filters", "{\"reference\":[\"busybox:latest\"]}")
                .get("/v" + version + "/images/json").then().statusCode(200).extract().asString();
        assertShape("image-list-" + version, JSON.readTree(list));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.41", "1.51"})
    void stats(String version) throws IOException {
        String name = "shapes-stats-" + version.replace('.', '-');
        api().contentType("application/json").body("{\"Image\":\"busybox:latest\"}")
                .post("/containers/create?name=" + name).then().statusCode(201);
        api().post("/containers/" + name + "/start").then().statusCode(204);
        assertShape("container-stats-" + version, get("/v" + version + "/containers/" + name + "/stats?stream=false"));
        api().delete("/containers/" + name + "?force=true").then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.41", "1.51"})
    void version(String version) throws IOException {
        assertShape("version-" + version, get("/v" + version + "/version"));
    }

    private JsonNode get(String path) {
        String body = api().get(path).then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    private static void assertShape(String name, JsonNode document) throws IOException {
        List<String> lines = new ArrayList<>();
        shape("$", document, lines);
        String actual = String.join("\n", lines) + "\n";
        Path golden = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("netdock.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (write it with -Dnetdock.golden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** One line per member: path and JSON type; array items collapse to {@code []} (their shapes are listed once). */
    private static void shape(String path, JsonNode node, List<String> lines) {
        lines.add(path + " " + node.getNodeType().name().toLowerCase());
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                shape(path + "." + member.getKey(), member.getValue(), lines);
            }
        } else if (node.isArray()) {
            List<String> seen = new ArrayList<>();
            for (JsonNode item : node) {
                List<String> itemLines = new ArrayList<>();
                shape(path + "[]", item, itemLines);
                if (!seen.equals(itemLines)) {
                    lines.addAll(itemLines);
                    seen = itemLines;
                }
            }
        }
    }
}
