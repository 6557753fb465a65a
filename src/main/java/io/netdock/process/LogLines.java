package io.netdock.process;

import io.netdock.time.GoTime;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The json-file log's line format, written as Go's {@code encoding/json} writes it ({@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 escaped; {@code time} in RFC 3339 with trailing zeros of the nanoseconds cut).
 */
public final class LogLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogLines() {
    }

    public static String write(LogEntry entry) {
        StringBuilder line = new StringBuilder(entry.log().length() + 64);
        line.append("{\"log\":");
        quote(entry.log(), line);
        line.append(",\"stream\":\"").append(entry.stream().text()).append("\",\"time\":\"")
                .append(GoTime.format(entry.time())).append("\"}\n");
        return line.toString();
    }

    /** Parses one line; null for a line that is not an entry (a torn last line after a crash). */
    public static LogEntry read(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            String stream = node.path("stream").asString("");
            StdStream which = stream.equals("stderr") ? StdStream.STDERR : StdStream.STDOUT;
            return new LogEntry(which, node.path("log").asString(""), Instant.parse(node.path("time").asString()));
        } catch (RuntimeException torn) {
            return null;
        }
    }

    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
        out.append('"');
    }
}
