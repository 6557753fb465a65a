package io.netdock.api;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Docker API version such as {@code 1.41}, compared numerically per dot component like Docker does
 * ({@code 1.41.0} equals {@code 1.41}).
 */
public record ApiVersion(int[] components, String text) implements Comparable<ApiVersion> {

    private static final Map<String, ApiVersion> KNOWN = new ConcurrentHashMap<>();

    public static final ApiVersion MIN = parse("1.24");
    public static final ApiVersion MAX = parse("1.51");

    public static ApiVersion parse(String text) {
        String[] parts = text.split("\\.", -1);
        int[] components = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            components[i] = parts[i].isEmpty() ? 0 : parseComponent(parts[i]);
        }
        return new ApiVersion(components, text);
    }

    private static int parseComponent(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException tooLong) {
            return Integer.MAX_VALUE;
        }
    }

    public boolean atLeast(String other) {
        return compareTo(known(other)) >= 0;
    }

    public boolean below(String other) {
        return compareTo(known(other)) < 0;
    }

    /** The versions code compares with are a few constants: each is parsed once (documents ask per item). */
    private static ApiVersion known(String text) {
        return KNOWN.computeIfAbsent(text, ApiVersion::parse);
    }

    @Override
    public int compareTo(ApiVersion other) {
        int length = Math.max(components.length, other.components.length);
        for (int i = 0; i < length; i++) {
            int mine = i < components.length ? components[i] : 0;
            int theirs = i < other.components.length ? other.components[i] : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int[] trimmed = components;
        int end = trimmed.length;
        while (end > 0 && trimmed[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(trimmed, end));
    }

    @Override
    public String toString() {
        return text;
    }
}
