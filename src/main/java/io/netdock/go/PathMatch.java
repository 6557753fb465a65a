package io.netdock.go;

import java.util.regex.Pattern;

/**
 * Go's {@code path.Match} as dockerd's {@code reference} filters use it: {@code *} and {@code ?} within a path
 * element, {@code [...]} classes, backslash escapes.
 */
public final class PathMatch {

    private PathMatch() {
    }

    /** {@code pattern} as a regular expression that matches what {@code path.Match(pattern, name)} matches. */
    public static Pattern pattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int end = pattern.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        regex.append('[').append(pattern, i + 1, end).append(']');
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
