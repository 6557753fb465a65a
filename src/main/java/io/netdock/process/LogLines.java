package io.netdock.process;

import io.netdock.go.GoTime;
import io.netdock.go.JsonString;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The json-file log's line format, written as Go's {@code encoding/json} writes it (strings HTML-safe,
 * {@code time} in RFC 3339 with trailing zeros of the nanoseconds cut).
 */
public final class LogLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogLines() {
    }

    public static String write(LogEntry entry) {
        StringBuilder line = new StringBuilder(entry.log().length() + 64);
        line.append("{\"log\":");
        line.append(JsonString.quote(entry.log()));
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
}
