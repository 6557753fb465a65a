package io.netdock.process;

import java.time.Instant;

/** One line of Docker's json-file log: {@code {"log":"…\n","stream":"stdout","time":"…"}}. */
public record LogEntry(StdStream stream, String log, Instant time) {
}
