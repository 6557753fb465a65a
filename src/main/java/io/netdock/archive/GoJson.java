package io.netdock.archive;

import io.netdock.time.GoTime;
import java.time.Instant;

/** The two bits of Go's {@code encoding/json} output a path stat needs, written by hand to stay byte-exact. */
final class GoJson {

    private GoJson() {
    }

    /** A string with Go's escaping: control characters, quote, backslash, and {@code < > & U+2028 U+2029}. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** RFC 3339 with nanoseconds, trailing zeros dropped ({@code time.RFC3339Nano}), in UTC. */
    static String time(Instant instant) {
        return GoTime.format(instant);
    }
}
