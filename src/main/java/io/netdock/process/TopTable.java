package io.netdock.process;

import java.util.List;

/**
 * What {@code docker top} shows: the column titles of the host's {@code ps} output and the rows of the
 * container's processes, each with as many columns as there are titles.
 */
public record TopTable(List<String> titles, List<List<String>> processes) {
}
