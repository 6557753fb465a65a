package io.netdock.settings;

import java.util.List;

/**
 * One setting as the metadata describes it.
 *
 * @param name         its canonical name, {@code netdock.kernel.mode}
 * @param type         the Java type it binds to, {@code java.util.List<java.lang.String>}
 * @param defaultValue its default as text, empty when it has none (or a computed one its description explains)
 * @param description  what it means, from the record's {@code @param} text
 * @param values       the values it accepts when they are a fixed set (an enum), else empty
 */
public record Setting(String name, String type, String defaultValue, String description, List<String> values) {

    /** Whether it binds to a list or map of objects, so {@code name[0].field} are its keys too. */
    boolean hasNestedKeys() {
        int open = type.indexOf('<');
        if (open < 0) {
            return false;
        }
        String arguments = type.substring(open + 1, type.lastIndexOf('>'));
        String element = arguments.substring(arguments.lastIndexOf(',') + 1).trim();
        return !element.startsWith("java.");
    }
}
