package io.netdock.process;

import io.netdock.error.DockerError;
import io.netdock.go.Strconv;
import io.netdock.go.Unparsable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code docker top} as dockerd makes it: the host's {@code ps} with the client's {@code ps_args} (default
 * {@code -ef}) and {@code -q<pids>} (again without {@code -q} when ps refuses the combination, as with {@code f}),
 * the titles from its header, and only the rows whose {@code PID} column is one of the container's (a thread row,
 * PID {@code -}, follows its process). Errors in dockerd's words.
 */
final class ProcessTable {

    static final String DEFAULT_ARGS = "-ef";
    private static final List<String> DEFAULT_TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    /** dockerd refuses to let a column other than {@code pid} be titled PID… (it would be taken for the PID). */
    private static final Pattern RETITLED_PID = Pattern.compile("\\s+(\\S*)=\\s*(PID\\S*)");

    private ProcessTable() {
    }

    static TopTable of(List<Integer> pids, String psArgs) {
        String args = psArgs == null || psArgs.isEmpty() ? DEFAULT_ARGS : psArgs;
        refuseRetitledPid(args);
        if (pids.isEmpty() && args.equals(DEFAULT_ARGS)) {
            return new TopTable(DEFAULT_TITLES, List.of());
        }
        List<String> argv = new ArrayList<>(List.of("ps"));
        argv.addAll(Arrays.asList(args.split(" ", -1)));
        List<String> withPids = new ArrayList<>(argv);
        withPids.add("-q" + pids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        Run run = run(withPids);
        if (run.exitCode() != 0) {
            run = run(argv);
            if (run.exitCode() != 0) {
                throw DockerError.system("ps: " + run.firstErrorLine());
            }
        }
        return parse(run.output(), Set.copyOf(pids));
    }

    static void refuseRetitledPid(String args) {
        Matcher match = RETITLED_PID.matcher(args);
        while (match.find()) {
            if (!match.group(1).equals("pid")) {
                throw DockerError.system("specifying \"" + match.group(1) + "=" + match.group(2) + "\" is not allowed");
            }
        }
    }

    /** The rows of {@code pids} in ps's output; extra fields beyond the titles belong to the last column. */
    static TopTable parse(String output, Set<Integer> pids) {
        String[] lines = output.split("\n", -1);
        List<String> titles = fields(lines[0]);
        int pidColumn = titles.indexOf("PID");
        if (pidColumn < 0) {
            throw DockerError.system("Couldn't find PID field in ps output");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean previousIsOurs = false;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            List<String> fields = fields(lines[i]);
            String pid = pidColumn < fields.size() ? fields.get(pidColumn) : "";
            if (pid.equals("-")) {
                if (previousIsOurs) {
                    rows.add(row(fields, titles.size()));
                }
                continue;
            }
            long number;
            try {
                number = Strconv.atoi(pid);
            } catch (Unparsable notANumber) {
                throw DockerError.system("Unexpected pid '" + pid + "': " + notANumber.getMessage());
            }
            previousIsOurs = number <= Integer.MAX_VALUE && pids.contains((int) number);
            if (previousIsOurs) {
                rows.add(row(fields, titles.size()));
            }
        }
        return new TopTable(titles, rows);
    }

    private static List<String> row(List<String> fields, int columns) {
        if (fields.size() <= columns) {
            return List.copyOf(fields);
        }
        List<String> row = new ArrayList<>(fields.subList(0, columns - 1));
        row.add(String.join(" ", fields.subList(columns - 1, fields.size())));
        return row;
    }

    /** Fields separated by ASCII white space only (a command line may hold other spaces). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split("[ \t\n\f\r]+")) {
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
        return fields;
    }

    private record Run(int exitCode, String output, String errors) {

        String firstErrorLine() {
            String first = errors.lines().findFirst().orElse("");
            return first.isEmpty() ? "exit status " + exitCode : first;
        }
    }

    private static Run run(List<String> argv) {
        try {
            Process ps = new ProcessBuilder(argv).start();
            ps.getOutputStream().close();
            String output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(ps.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(ps.waitFor(), output, errors);
        } catch (IOException e) {
            throw DockerError.system("ps: exec: \"ps\": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DockerError.system("ps: interrupted");
        }
    }
}
