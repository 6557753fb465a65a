package io.netdock.compat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Docker's own Swagger 2.0 documents turned into strict JSON Schemas, to validate what netdock answers.
 *
 * <p>Conversion: {@code x-nullable: true} admits {@code null}; {@code allOf} compositions are flattened; object
 * schemas that list their properties and say nothing about others reject unknown fields (so a misspelt or
 * version-misplaced field is caught); {@code format} is dropped (Docker's formats are descriptive, not
 * JSON-Schema formats).
 */
public final class DockerSchemas {

    public enum Spec {
        V1_41("engine-api-v1.41.yaml"), V1_55("engine-api-v1.55.yaml");

        final String file;

        Spec(String file) {
            this.file = file;
        }
    }

    private static final Map<Spec, DockerSchemas> LOADED = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Spec spec;
    private final ObjectNode definitions;
    private final JsonNode paths;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private DockerSchemas(Spec spec, JsonNode document) {
        this.spec = spec;
        this.paths = document.get("paths");
        ObjectNode rawDefinitions = (ObjectNode) document.get("definitions");
        this.definitions = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : rawDefinitions.properties()) {
            definitions.set(entry.getKey(), strict(entry.getValue(), rawDefinitions));
        }
    }

    public static DockerSchemas of(Spec spec) {
        return LOADED.computeIfAbsent(spec, DockerSchemas::load);
    }

    private static DockerSchemas load(Spec spec) {
        try (InputStream in = DockerSchemas.class.getResourceAsStream("/docker-engine-api/" + spec.file)) {
            return new DockerSchemas(spec, new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Spec spec() {
        return spec;
    }

    /** Mismatches of a response body against the operation's documented response, one line each. */
    public List<String> validateResponse(String method, String path, int status, String body) {
        Schema schema = compiled.computeIfAbsent(method + " " + path + " " + status,
                key -> compile(responseSchema(method, path, status)));
        List<String> mismatches = new ArrayList<>();
        for (Error error : schema.validate(JSON.readTree(body))) {
            mismatches.add(spec + " " + method.toUpperCase() + " " + path + " " + status + ": "
                    + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return mismatches;
    }

    /** Mismatches of a value against a named definition (e.g. {@code EventMessage}). */
    public List<String> validateDefinition(String definition, String json) {
        Schema schema = compiled.computeIfAbsent("#" + definition,
                key -> compile(JsonNodeFactory.instance.objectNode().put("$ref", "#/definitions/" + definition)));
        List<String> mismatches = new ArrayList<>();
        for (Error error : schema.validate(JSON.readTree(json))) {
            mismatches.add(spec + " " + definition + ": " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return mismatches;
    }

    public boolean documents(String method, String path, int status) {
        JsonNode operation = paths.path(path).path(method.toLowerCase());
        return !operation.isMissingNode() && !operation.path("responses").path(String.valueOf(status)).isMissingNode();
    }

    private JsonNode responseSchema(String method, String path, int status) {
        JsonNode response = paths.path(path).path(method.toLowerCase()).path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            throw new IllegalArgumentException(spec + " documents no " + status + " for " + method + " " + path);
        }
        JsonNode schema = response.get("schema");
        if (schema == null) {
            throw new IllegalArgumentException(spec + " " + method + " " + path + " " + status + " has no body schema");
        }
        return strict(schema, definitions);
    }

    private Schema compile(JsonNode schema) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("definitions", definitions);
        root.set("allOf", JsonNodeFactory.instance.arrayNode().add(schema));
        return registry.getSchema(root);
    }

    /** Converts one Swagger schema into a strict JSON Schema (see class comment). */
    private static JsonNode strict(JsonNode node, ObjectNode definitions) {
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(strict(item, definitions)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode source = (ObjectNode) node;
        if (source.has("allOf")) {
            source = flattenAllOf(source, definitions);
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        boolean nullable = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = source.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (key.equals("x-nullable")) {
                nullable = entry.getValue().asBoolean();
            } else if (key.equals("format") || key.equals("example") || key.startsWith("x-")) {
                continue;
            } else if (key.equals("properties") || key.equals("definitions")) {
                ObjectNode properties = JsonNodeFactory.instance.objectNode();
                entry.getValue().properties().forEach(p -> properties.set(p.getKey(), strict(p.getValue(), definitions)));
                copy.set(key, properties);
            } else {
                copy.set(key, entry.getValue().isContainer() ? strict(entry.getValue(), definitions) : entry.getValue());
            }
        }
        if (copy.has("properties") && !copy.has("additionalProperties")) {
            copy.put("additionalProperties", false);
        }
        if (!nullable) {
            return copy;
        }
        ObjectNode anyOf = JsonNodeFactory.instance.objectNode();
        anyOf.set("anyOf", JsonNodeFactory.instance.arrayNode().add(copy).add(
                JsonNodeFactory.instance.objectNode().put("type", "null")));
        return anyOf;
    }

    /** Merges {@code allOf} members (inline or {@code $ref}) into one object schema. */
    private static ObjectNode flattenAllOf(ObjectNode source, ObjectNode definitions) {
        ObjectNode merged = source.deepCopy();
        merged.remove("allOf");
        ObjectNode properties = merged.has("properties") ? (ObjectNode) merged.get("properties")
                : JsonNodeFactory.instance.objectNode();
        ArrayNode required = merged.has("required") ? (ArrayNode) merged.get("required")
                : JsonNodeFactory.instance.arrayNode();
        for (JsonNode member : source.get("allOf")) {
            JsonNode resolved = member;
            if (member.has("$ref")) {
                String name = member.get("$ref").asString().replace("#/definitions/", "");
                resolved = definitions.get(name);
                if (resolved.has("anyOf")) {
                    resolved = resolved.get("anyOf").get(0);
                }
                if (resolved.has("allOf")) {
                    resolved = flattenAllOf((ObjectNode) resolved, definitions);
                }
            }
            if (resolved.has("properties")) {
                resolved.get("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
            }
            if (resolved.has("required")) {
                resolved.get("required").forEach(required::add);
            }
            if (resolved.has("type") && !merged.has("type")) {
                merged.set("type", resolved.get("type"));
            }
        }
        merged.set("properties", properties);
        if (!required.isEmpty()) {
            merged.set("required", required);
        }
        return merged;
    }
}
