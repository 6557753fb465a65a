package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi/netdock.yaml is a well-formed OpenAPI document: every {@code $ref} resolves, every response object
 * has a description, every component sits in the section its kind belongs to.
 */
class OpenApiDocumentTest {

    private static Map<String, Object> document;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("openapi/netdock.yaml"))) {
            document = new Yaml().load(in);
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(document, broken);
        assertThat(broken).as("unresolved $ref").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reusableResponsesAreResponseObjects() {
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Map<String, Object>> responses =
                (Map<String, Map<String, Object>>) components.getOrDefault("responses", Map.of());
        responses.forEach((name, response) -> assertThat(response)
                .as("components.responses.%s must be a response (description, content), not a schema", name)
                .containsKey("description")
                .doesNotContainKeys("type", "properties"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDescribesItsResponses() {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && op.containsKey("responses")) {
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                responses.forEach((status, response) -> {
                    Map<String, Object> object = (Map<String, Object>) response;
                    assertThat(object.containsKey("$ref") || object.containsKey("description"))
                            .as("%s %s response %s needs a description or a $ref", method, path, status).isTrue();
                });
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static void collectRefs(Object node, List<String> broken) {
        if (node instanceof Map<?, ?> map) {
            Object ref = map.get("$ref");
            if (ref instanceof String target && !resolves(target)) {
                broken.add(target);
            }
            map.values().forEach(value -> collectRefs(value, broken));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectRefs(value, broken));
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean resolves(String ref) {
        if (!ref.startsWith("#/")) {
            return false;
        }
        Object current = document;
        for (String part : ref.substring(2).split("/")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part.replace("~1", "/").replace("~0", "~"))) {
                return false;
            }
            current = ((Map<String, Object>) map).get(part.replace("~1", "/").replace("~0", "~"));
        }
        return true;
    }
}
