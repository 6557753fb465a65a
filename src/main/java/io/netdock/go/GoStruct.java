package io.netdock.go;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object read the way Go's {@code encoding/json} decodes it into a struct: field names match exactly or
 * else case-insensitively, {@code null} and absent fields are zero values, and a value of the wrong type is
 * refused with Go's words behind dockerd's {@code invalid JSON: } prefix (400), e.g. {@code invalid JSON: json:
 * cannot unmarshal number into Go struct field HostConfig.HostConfig.Dns of type []string}.
 *
 * <p>For bodies read as a tree ({@code JsonNode}) rather than bound to records.
 */
public final class GoStruct {

    private final JsonNode node;
    private final String struct;
    private final String path;

    private GoStruct(JsonNode node, String struct, String path) {
        this.node = node;
        this.struct = struct;
        this.path = path;
    }

    /**
     * The request body as Go type {@code goType} (e.g. {@code types.NetworkConnect}) whose struct name is
     * {@code struct}; anything but an object or {@code null} is refused.
     */
    public static GoStruct body(JsonNode body, String struct, String goType) {
        if (body != null && !body.isNull() && !body.isMissingNode() && !body.isObject()) {
            throw new DockerError(ErrorCategory.INVALID_PARAMETER, UnmarshalTypeError.ofValue(kind(body), goType));
        }
        return new GoStruct(body, struct, "");
    }

    /** Whether the object has no fields at all (or is {@code null}). */
    public boolean isEmpty() {
        return node == null || !node.isObject() || node.isEmpty();
    }

    public boolean has(String field) {
        JsonNode value = get(field);
        return value != null && !value.isNull();
    }

    public String string(String field) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw mismatch(field, value, "string");
        }
        return value.asString();
    }

    /** A string field, "" when absent. */
    public String text(String field) {
        String value = string(field);
        return value == null ? "" : value;
    }

    public boolean bool(String field) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw mismatch(field, value, "bool");
        }
        return value.asBoolean();
    }

    /** A Go {@code int} that netdock keeps in a Java {@code int}; null when absent. */
    public Integer integer(String field) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw mismatch(field, value, "int");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new DockerError(ErrorCategory.INVALID_PARAMETER,
                    UnmarshalTypeError.ofField("number " + value, where(field), "int"));
        }
        return value.asInt();
    }

    /** A {@code []string}; null when absent. */
    public List<String> strings(String field) {
        return strings(field, "[]string");
    }

    /** Docker's {@code StrSlice}: a string or a list of strings; null when absent. */
    public List<String> stringOrStrings(String field) {
        JsonNode value = get(field);
        if (value != null && value.isString()) {
            return List.of(value.asString());
        }
        return strings(field, "string");
    }

    private List<String> strings(String field, String goType) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw mismatch(field, value, goType);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isNull()) {
                values.add("");
            } else if (item.isString()) {
                values.add(item.asString());
            } else {
                throw mismatch(field, item, "string");
            }
        }
        return values;
    }

    /** A {@code map[string]string} ({@code null} values are ""); null when absent. */
    public Map<String, String> stringMap(String field) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw mismatch(field, value, "map[string]string");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode item = entry.getValue();
            if (!item.isNull() && !item.isString()) {
                throw mismatch(field, item, "string");
            }
            map.put(entry.getKey(), item.isNull() ? "" : item.asString());
        }
        return map;
    }

    /** The keys of a set such as {@code ExposedPorts} ({@code map[string]struct{}}); null when absent. */
    public List<String> keys(String field, String goType) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw mismatch(field, value, goType);
        }
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isNull() && !entry.getValue().isObject()) {
                throw mismatch(field, entry.getValue(), "struct {}");
            }
            keys.add(entry.getKey());
        }
        return keys;
    }

    /** A nested struct (empty when absent or {@code null}). */
    public GoStruct struct(String field, String goStruct, String goType) {
        JsonNode value = get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw mismatch(field, value, goType);
        }
        return new GoStruct(value, goStruct, join(field));
    }

    /** A {@code []T} of structs, in order ({@code null} items are empty structs); null when absent. */
    public List<GoStruct> structList(String field, String valueStruct, String listType, String valueType) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw mismatch(field, value, listType);
        }
        List<GoStruct> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isNull() && !item.isObject()) {
                throw mismatch(field, item, valueType);
            }
            items.add(new GoStruct(item, valueStruct, join(field)));
        }
        return items;
    }

    /** A {@code map[string]T} of structs, in document order; null when absent. */
    public Map<String, GoStruct> structMap(String field, String mapType, String valueStruct, String valueType) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw mismatch(field, value, mapType);
        }
        Map<String, GoStruct> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode item = entry.getValue();
            if (!item.isNull() && !item.isObject()) {
                throw mismatch(field, item, valueType);
            }
            map.put(entry.getKey(), new GoStruct(item, valueStruct, join(field)));
        }
        return map;
    }

    /** A {@code map[string][]T} of structs; null when absent. */
    public Map<String, List<GoStruct>> structListMap(String field, String mapType, String valueStruct,
                                                     String listType, String valueType) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw mismatch(field, value, mapType);
        }
        Map<String, List<GoStruct>> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode list = entry.getValue();
            List<GoStruct> items = new ArrayList<>();
            if (!list.isNull()) {
                if (!list.isArray()) {
                    throw mismatch(field, list, listType);
                }
                for (JsonNode item : list) {
                    if (!item.isNull() && !item.isObject()) {
                        throw mismatch(field, item, valueType);
                    }
                    items.add(new GoStruct(item, valueStruct, join(field)));
                }
            }
            map.put(entry.getKey(), items);
        }
        return map;
    }

    /** The JSON shapes of the Go types whose values {@link #value} keeps as given. */
    public enum Shape {
        STRING, BOOL, INTEGER, STRINGS, STRING_OR_STRINGS, STRING_MAP, OBJECT, OBJECTS, INTEGERS
    }

    /**
     * A field kept as the client sent it, after the check Go's decoder makes of its JSON type ({@code goType} names
     * the Go type in the message): plain values ({@code String}, {@code Boolean}, {@code Long}/{@code BigInteger},
     * {@code List}, {@code Map}), null when absent or {@code null}. Members of objects are not checked further.
     */
    public Object value(String field, Shape shape, String goType) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (shape == Shape.STRING_OR_STRINGS && value.isString()) {
            return List.of(value.asString());
        }
        boolean fits = switch (shape) {
            case STRING -> value.isString();
            case BOOL -> value.isBoolean();
            case INTEGER -> value.isIntegralNumber();
            case STRINGS, STRING_OR_STRINGS -> value.isArray() && every(value, item -> item.isString() || item.isNull());
            case STRING_MAP -> value.isObject() && every(value, item -> item.isString() || item.isNull());
            case OBJECT -> value.isObject();
            case OBJECTS -> value.isArray() && every(value, item -> item.isObject() || item.isNull());
            case INTEGERS -> value.isArray() && every(value, JsonNode::isIntegralNumber);
        };
        if (!fits) {
            throw mismatch(field, value, goType);
        }
        return plain(value);
    }

    private static boolean every(JsonNode container, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode item : container) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                map.put(entry.getKey(), plain(entry.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return null;
    }

    /** The member named exactly {@code field}, else the first whose name matches ignoring case. */
    private JsonNode get(String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(field);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private String join(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private String where(String field) {
        return struct + "." + join(field);
    }

    private DockerError mismatch(String field, JsonNode value, String goType) {
        return new DockerError(ErrorCategory.INVALID_PARAMETER,
                UnmarshalTypeError.ofField(kind(value), where(field), goType));
    }

    private static String kind(JsonNode value) {
        if (value.isString()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isArray()) {
            return "array";
        }
        return value.isObject() ? "object" : "value";
    }
}
