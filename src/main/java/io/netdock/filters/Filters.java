package io.netdock.filters;

import io.netdock.error.DockerError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker's {@code filters} query parameter: {@code {"key":{"value":true}}} (what the CLI sends) or the legacy
 * {@code {"key":["value"]}}. Values of one key are OR-ed by the matchers below, keys are AND-ed by callers.
 * The matchers run once per listed item, so what they derive from the values (regexps, label conditions) is
 * worked out once per key and kept.
 */
public final class Filters {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Filters NONE = new Filters(Map.of());

    private final Map<String, Set<String>> values;
    private final Map<String, List<Pattern>> regexps = new ConcurrentHashMap<>();
    private final Map<String, List<LabelCondition>> labelConditions = new ConcurrentHashMap<>();

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
        for (Set<String> set : values.values()) {
            if (!set.isEmpty()) {
                return false;
            }
        }
        return true;
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

    /**
     * True when the key is absent, or one of its values equals {@code source} or finds a match in it as a regexp;
     * values that are not valid regexps only match exactly, as in Docker.
     */
    public boolean match(String key, String source) {
        if (!has(key)) {
            return true;
        }
        if (get(key).contains(source)) {
            return true;
        }
        for (Pattern regexp : regexpsOf(key)) {
            if (BoundedInput.find(regexp, source)) {
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
        for (String prefix : get(key)) {
            if (source.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Label semantics: every value must hold — {@code key} present, or {@code key=value} equal.
     * True when the filter key is absent.
     */
    public boolean matchesLabels(String key, Map<String, String> labels) {
        for (LabelCondition condition : labelConditionsOf(key)) {
            if (!condition.holdsFor(labels)) {
                return false;
            }
        }
        return true;
    }

    /** {@code label!}: none of the values may hold. */
    public boolean matchesNoLabel(String key, Map<String, String> labels) {
        for (LabelCondition condition : labelConditionsOf(key)) {
            if (condition.holdsFor(labels)) {
                return false;
            }
        }
        return true;
    }

    private List<Pattern> regexpsOf(String key) {
        return regexps.computeIfAbsent(key, k -> {
            List<Pattern> compiled = new ArrayList<>();
            for (String value : get(k)) {
                try {
                    compiled.add(Pattern.compile(value));
                } catch (PatternSyntaxException notARegex) {
                    // Docker skips values that do not compile
                }
            }
            return List.copyOf(compiled);
        });
    }

    private List<LabelCondition> labelConditionsOf(String key) {
        return labelConditions.computeIfAbsent(key, k -> get(k).stream().map(LabelCondition::of).toList());
    }

    /** One label filter value: {@code key} (present) or {@code key=value} (present with exactly that value). */
    private record LabelCondition(String key, String value) {

        static LabelCondition of(String filter) {
            int eq = filter.indexOf('=');
            return eq < 0 ? new LabelCondition(filter, null)
                    : new LabelCondition(filter.substring(0, eq), filter.substring(eq + 1));
        }

        boolean holdsFor(Map<String, String> labels) {
            return value == null ? labels.containsKey(key) : value.equals(labels.get(key));
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
