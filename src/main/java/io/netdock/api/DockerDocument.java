package io.netdock.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.netdock.go.KeyOrder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON object as dockerd writes it, declared field by field: the order of the calls is the Go struct's field
 * order, {@link #field} is a plain Go field (its zero value or {@code null} for a nil slice, map or pointer is
 * written), {@link #omitEmpty} is a field tagged {@code json:",omitempty"} ({@link #omitNull} when it is a pointer), and {@link #since}/{@link #below} are the
 * fields only some API versions have. This is netdock's one way to write a response document; the one hand-written
 * writer left ({@code NetworkResourceWriter}) is kept for a measured hot path and says so.
 */
public final class DockerDocument {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final ApiVersion version;

    private DockerDocument(ApiVersion version) {
        this.version = version;
    }

    /** A document whose fields do not depend on the API version. */
    public static DockerDocument object() {
        return new DockerDocument(null);
    }

    /** A document with fields that come and go with the requested API {@code version}. */
    public static DockerDocument object(ApiVersion version) {
        return new DockerDocument(version);
    }

    /** A field always written, {@code null} included (Go's nil slice, map or pointer). */
    public DockerDocument field(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Go's {@code omitempty}: left out when {@code null}, {@code ""}, {@code false}, zero or an empty list or map. */
    public DockerDocument omitEmpty(String name, Object value) {
        if (!isEmpty(value)) {
            fields.put(name, value);
        }
        return this;
    }

    /** Go's {@code omitempty} on a pointer: left out only when nil, written when it points to a zero value. */
    public DockerDocument omitNull(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /** A field the API has from {@code firstVersion} on. */
    public DockerDocument since(String firstVersion, String name, Object value) {
        if (requested().atLeast(firstVersion)) {
            fields.put(name, value);
        }
        return this;
    }

    /** A field the API has below {@code removedIn} (gone from that version on). */
    public DockerDocument below(String removedIn, String name, Object value) {
        if (requested().below(removedIn)) {
            fields.put(name, value);
        }
        return this;
    }

    /** A Go map as {@code encoding/json} writes it: keys in {@link KeyOrder#GO}; {@code null} stays {@code null}. */
    public static <V> Map<String, V> goMap(Map<String, V> map) {
        if (map == null || map.size() < 2) {
            return map;
        }
        Map<String, V> sorted = new TreeMap<>(KeyOrder.GO);
        sorted.putAll(map);
        return sorted;
    }

    /** The fields in order, as Jackson writes them. */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    private ApiVersion requested() {
        if (version == null) {
            throw new IllegalStateException("a versioned field in a document made without the API version");
        }
        return version;
    }

    /** Go's empty value for {@code omitempty}. */
    static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String text) {
            return text.isEmpty();
        }
        if (value instanceof Boolean bool) {
            return !bool;
        }
        if (value instanceof Number number) {
            return number.doubleValue() == 0;
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        return false; // a struct (a DockerDocument) is never empty to encoding/json
    }
}
