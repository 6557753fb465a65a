package io.netdock.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code docker top}'s rows, from the host's {@code ps} as dockerd takes them ({@code ps -ef} columns), for the
 * given PIDs only.
 */
final class ProcessTable {

    private static final int COLUMNS = 8;

    private ProcessTable() {
    }

    static List<TopLine> rows(List<Integer> pids) {
        if (pids.isEmpty()) {
            return List.of();
        }
        String list = pids.stream().map(String::valueOf).collect(Collectors.joining(","));
        String output;
        try {
            Process ps = new ProcessBuilder("ps", "-o", "user=,pid=,ppid=,c=,stime=,tty=,time=,args=", "-p", list)
                    .redirectErrorStream(true).start();
            ps.getOutputStream().close();
            output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ps.waitFor();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<TopLine> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                rows.add(parse(line.strip()));
            }
        }
        return rows;
    }

    /** Seven space-separated columns, then the command line with its own spaces. */
    static TopLine parse(String line) {
        List<String> columns = new ArrayList<>();
        String rest = line;
        for (int i = 0; i < COLUMNS - 1; i++) {
            int space = rest.indexOf(' ');
            columns.add(space < 0 ? rest : rest.substring(0, space));
            rest = space < 0 ? "" : rest.substring(space).stripLeading();
        }
        columns.add(rest);
        return new TopLine(List.copyOf(columns));
    }
}
