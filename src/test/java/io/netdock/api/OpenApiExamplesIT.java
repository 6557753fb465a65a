package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.WholeApplication;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Swagger UI offers works as it is: every request body has an example, and each one, run in the document's
 * order with its parameters' examples (what "Try it out" fills in), succeeds; every JSON answer has an example; the
 * document links to nothing outside the repository.
 */
class OpenApiExamplesIT extends WholeApplication {

    private static final List<String> METHODS = List.of("get", "head", "post", "put", "delete", "patch");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)]*)\\)");

    @Test
    void everyRequestBodyExampleSucceedsAsItIs() throws IOException {
        Map<String, Object> document = document();
        List<String> ran = new ArrayList<>();
        forEachOperation(document, (path, method, operation) -> {
            Map<String, Object> body = map(operation.get("requestBody"));
            if (body.isEmpty()) {
                return;
            }
            Object example = map(map(body.get("content")).get("application/json")).get("example");
            assertThat(example).as("%s %s: request body example", method, path).isNotNull();
            Response response = execute(path, method, operation, example);
            if (Boolean.TRUE.equals(operation.get("x-needs-processes"))) {
                // this application runs without processes: exec in a running container is refused (501 naming
                // the setting), in a stopped one it is dockerd's 409 "is not running"; so there is no exec
                // instance to start (404)
                assertThat(response.statusCode()).as("%s %s without processes answered %s", method, path,
                        response.asString()).isIn(404, 409, 501);
                assertThat(response.jsonPath().getString("message")).as("%s %s", method, path).isNotBlank();
                return;
            }
            assertThat(response.statusCode()).as("%s %s with its example answered %s", method, path, response.asString())
                    .isBetween(200, 299);
            ran.add(method + " " + path);
        });
        assertThat(ran).contains("post /networks/create", "post /containers/create", "post /networks/{id}/connect");
        api().get("/networks/my-network").then().statusCode(200);
        api().delete("/containers/my-container?force=true").then().statusCode(204);
        api().delete("/networks/my-network").then().statusCode(204);
    }

    @Test
    void everyJsonAnswerHasAnExample() throws IOException {
        Map<String, Object> document = document();
        Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
        forEachOperation(document, (path, method, operation) -> map(operation.get("responses")).forEach((status, r) -> {
            Map<String, Object> json = map(map(map(r).get("content")).get("application/json"));
            if (!status.startsWith("2") || json.isEmpty()) {
                return;
            }
            Map<String, Object> schema = map(json.get("schema"));
            Object ref = schema.get("$ref");
            boolean schemaExample = ref instanceof String name
                    && map(schemas.get(name.substring(name.lastIndexOf('/') + 1))).containsKey("example");
            assertThat(json.containsKey("example") || schema.containsKey("example") || schemaExample)
                    .as("%s %s answer %s has an example", method, path, status).isTrue();
        }));
    }

    @Test
    void linksOnlyToTheWeb() throws IOException {
        String text = Files.readString(Path.of("openapi/netdock.yaml"));
        assertThat(text).doesNotContain("shared/reference");
        Matcher link = MARKDOWN_LINK.matcher(text);
        while (link.find()) {
            assertThat(link.group(1)).as("link").matches("https://.+|#.*");
        }
    }

    private Response execute(String path, String method, Map<String, Object> operation, Object body) {
        RequestSpecification request = api().contentType("application/json").body(JSON.writeValueAsString(body));
        String url = path;
        for (Object p : (List<?>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = map(p);
            Object example = parameter.get("example");
            if ("path".equals(parameter.get("in"))) {
                assertThat(example).as("%s %s: example of path parameter %s", method, path, parameter.get("name"))
                        .isNotNull();
                url = url.replace("{" + parameter.get("name") + "}", String.valueOf(example));
            } else if ("query".equals(parameter.get("in")) && example != null) {
                request.queryParam(String.valueOf(parameter.get("name")), example);
            }
        }
        assertThat(PATH_PARAMETER.matcher(url).find()).as(url).isFalse();
        return request.request(method.toUpperCase(), url);
    }

    interface OperationVisitor {
        void visit(String path, String method, Map<String, Object> operation);
    }

    private static void forEachOperation(Map<String, Object> document, OperationVisitor visitor) {
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                visitor.visit(path, method, map(operation));
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    private static Map<String, Object> document() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("openapi/netdock.yaml"))) {
            return new Yaml().load(in);
        }
    }
}
