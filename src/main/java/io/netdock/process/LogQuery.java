package io.netdock.process;

import java.time.Instant;

/**
 * What {@code GET /containers/{id}/logs} asks for.
 *
 * @param since  entries at or after (null: from the start)
 * @param until  entries before (null: no end)
 * @param tail   the last n entries only; negative for all
 */
public record LogQuery(boolean stdout, boolean stderr, Instant since, Instant until, boolean timestamps, int tail,
                       boolean follow) {

    boolean wants(LogEntry entry) {
        if (entry.stream() == StdStream.STDOUT ? !stdout : !stderr) {
            return false;
        }
        if (since != null && entry.time().isBefore(since)) {
            return false;
        }
        return until == null || entry.time().isBefore(until);
    }
}
