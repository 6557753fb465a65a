package io.netdock.filters;

import io.netdock.error.DockerError;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker's {@code filters} query parameter: {@code {"key":{"value":true}}} (what the CLI sends) or the legacy
 * {@code {"key":["value"]}}. Values of one key are OR-ed by the matchers below, keys are AND-ed by callers.
 */
public final class Filters {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Filters NONE = new Filters(Map.of());

    private final Map<String, Set<String>> values;

    private Filters(Map<String, Set<String>> values) {
        this.values = values;
    }

    public static Filters none() {
        return NONE;
    }

    public static Filters of(Map<String, ? extends Collection<String>> values) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        values.forEach((key, list) -> copy.put(key, new LinkedHashSet<>(list)));
        return new Filters(copy);
    }

    /** Parses the query value; empty, absent and {@code null} mean no filtering. */
    public static Filters parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException malformed) {
            throw DockerError.invalidParameter("invalid filter");
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return NONE;
        }
        if (!root.isObject()) {
            throw DockerError.invalidParameter("invalid filter");
        }
        Map<String, Set<String>> parsed = parseForm(root, true);
        if (parsed == null) {
            parsed = parseForm(root, false);
        }
        if (parsed == null) {
            throw DockerError.invalidParameter("invalid filter");
        }
        return new Filters(parsed);
    }

    /** One form for the whole document, as Go's two-step unmarshal does: a mix of forms is invalid. */
    private static Map<String, Set<String>> parseForm(JsonNode root, boolean mapForm) {
        Map<String, Set<String>> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode value = entry.getValue();
            Set<String> set = new LinkedHashSet<>();
            if (value.isNull()) {
                parsed.put(entry.getKey(), set);
                continue;
            }
            if (mapForm) {
                if (!value.isObject()) {
                    return null;
                }
                for (Map.Entry<String, JsonNode> item : value.properties()) {
                    if (!item.getValue().isBoolean()) {
                        return null;
                    }
                    set.add(item.getKey());
                }
            } else {
                if (!value.isArray()) {
                    return null;
                }
                for (JsonNode item : value) {
                    if (!item.isString()) {
                        return null;
                    }
                    set.add(item.asString());
                }
            }
            parsed.put(entry.getKey(), set);
        }
        return parsed;
    }

    /** Rejects keys outside {@code accepted} with Docker's {@code invalid filter 'key'}. */
    public Filters accept(Set<String> accepted) {
        for (String key : values.keySet()) {
            if (!accepted.contains(key)) {
                throw DockerError.invalidParameter("invalid filter '" + key + "'");
            }
        }
        return this;
    }

    public boolean isEmpty() {
        return values.values().stream().allMatch(Set::isEmpty);
    }

    public boolean has(String key) {
        Set<String> set = values.get(key);
        return set != null && !set.isEmpty();
    }

    public Set<String> get(String key) {
        return values.getOrDefault(key, Set.of());
    }

    public Set<String> keys() {
        return values.keySet();
    }

    /** True when the key is absent, or one of its values equals {@code source}. */
    public boolean exactMatch(String key, String source) {
        return !has(key) || get(key).contains(source);
    }

    /** True when the key is absent, or one of its values equals {@code source} or matches it as a regexp. */
    public boolean match(String key, String source) {
        if (!has(key)) {
            return true;
        }
        for (String value : get(key)) {
            if (value.equals(source) || regexFinds(value, source)) {
                return true;
            }
        }
        return false;
    }

    /** True when the key is absent, or {@code source} starts with one of its values. */
    public boolean prefixMatch(String key, String source) {
        if (!has(key)) {
            return true;
        }
        return get(key).stream().anyMatch(source::startsWith);
    }

    /**
     * Label semantics: every value must hold — {@code key} present, or {@code key=value} equal.
     * True when the filter key is absent.
     */
    public boolean matchesLabels(String key, Map<String, String> labels) {
        for (String value : get(key)) {
            if (!labelHolds(value, labels)) {
                return false;
            }
        }
        return true;
    }

    /** {@code label!}: none of the values may hold. */
    public boolean matchesNoLabel(String key, Map<String, String> labels) {
        for (String value : get(key)) {
            if (labelHolds(value, labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelHolds(String filter, Map<String, String> labels) {
        int eq = filter.indexOf('=');
        if (eq < 0) {
            return labels.containsKey(filter);
        }
        String key = filter.substring(0, eq);
        return labels.containsKey(key) && labels.get(key).equals(filter.substring(eq + 1));
    }

    private static boolean regexFinds(String regex, String source) {
        try {
            return Pattern.compile(regex).matcher(source).find();
        } catch (PatternSyntaxException notARegex) {
            return false;
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }

    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
