package io.netdock.container.web;

import io.netdock.api.DockerDocument;
import java.util.Map;

/** Fields as the client sent them at create (see {@link GivenFields}), read with a zero value for those left out. */
record Given(Map<String, Object> fields) {

    Object value(String name) {
        return fields.get(name);
    }

    Object value(String name, Object zero) {
        Object value = fields.get(name);
        return value == null ? zero : value;
    }

    /** A Go map field ({@code map[string]string}, a set) with its keys in Go's order; null when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) {
        return fields.get(name) instanceof Map<?, ?> map ? DockerDocument.goMap((Map<String, Object>) map) : null;
    }

    /** A string field; {@code zero} when absent or empty (where dockerd fills in its default). */
    String text(String name, String zero) {
        return fields.get(name) instanceof String text && !text.isEmpty() ? text : zero;
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }

    long number(String name) {
        return fields.get(name) instanceof Number number ? number.longValue() : 0;
    }
}
