package io.netdock.process;

import java.util.List;

/** One row of {@code docker top}: UID, PID, PPID, C, STIME, TTY, TIME, CMD. */
public record TopLine(List<String> columns) {
}
