package io.netdock.dns.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code dig} run inside a sandbox ({@code nsenter --net=<SandboxKey>}), asking the embedded resolver. */
final class Dig {

    private Dig() {
    }

    /** {@code dig @127.0.0.11 +time=2 +tries=1 <args>}: the whole output, whatever the exit code. */
    static String ask(Path sandbox, String... args) {
        return askAt(sandbox, "127.0.0.11", 53, args);
    }

    /** {@code dig @server -p port} run in a namespace; the answer's records' data ({@code +short}). */
    static List<String> answersAt(Path namespace, String server, int port, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("+short");
        return askAt(namespace, server, port, all.toArray(String[]::new)).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    private static String askAt(Path namespace, String server, int port, String... args) {
        List<String> command = new ArrayList<>(List.of("nsenter", "--net=" + namespace, "dig", "@" + server,
                "-p", String.valueOf(port), "+time=2", "+tries=1"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("dig did not end: " + command);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The answer's records' data, one per line, in the order received ({@code +short}). */
    static List<String> answers(Path sandbox, String... args) {
        return answersAt(sandbox, "127.0.0.11", 53, args);
    }

    /** The reply's status ({@code NOERROR}, {@code NXDOMAIN}, {@code SERVFAIL}), or the output if none. */
    static String status(Path sandbox, String... args) {
        String output = ask(sandbox, args);
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("status: ([A-Z]+)").matcher(output);
        return status.find() ? status.group(1) : output;
    }
}
