package io.netdock.container;

import java.util.List;
import java.util.Map;

/**
 * The part of Docker's container {@code Config} netdock keeps: what the client sent at create, echoed by
 * inspect. There is no image, so nothing is merged from one.
 *
 * @param exposedPorts {@code "80/tcp"} keys in the order received
 * @param asGiven      the other {@code Config} fields the client sent (by Docker's name, in Go's JSON types), which
 *                     netdock does not act on but shows back, as Docker does; null or empty when none
 */
public record ContainerConfig(String hostname, String domainname, String user, boolean attachStdin,
                              boolean attachStdout, boolean attachStderr, boolean tty, boolean openStdin,
                              boolean stdinOnce, List<String> env, List<String> cmd, List<String> entrypoint,
                              String image, String workingDir, Map<String, String> labels,
                              List<String> exposedPorts, String macAddress, String stopSignal, Integer stopTimeout,
                              Map<String, Object> asGiven) {

    public ContainerConfig {
        asGiven = GivenValues.copyOf(asGiven);
    }

    public ContainerConfig withHostname(String newHostname) {
        return new ContainerConfig(newHostname, domainname, user, attachStdin, attachStdout, attachStderr, tty,
                openStdin, stdinOnce, env, cmd, entrypoint, image, workingDir, labels, exposedPorts, macAddress,
                stopSignal, stopTimeout, asGiven);
    }

    /** Docker's {@code Path}: the entrypoint's first word, else the command's. */
    public String path() {
        List<String> words = commandLine();
        return words.isEmpty() ? "" : words.get(0);
    }

    /** Docker's {@code Args}: everything after {@link #path()}. */
    public List<String> args() {
        List<String> words = commandLine();
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    public List<String> commandLine() {
        List<String> all = new java.util.ArrayList<>();
        if (entrypoint != null) {
            all.addAll(entrypoint);
        }
        if (cmd != null) {
            all.addAll(cmd);
        }
        return all;
    }
}
