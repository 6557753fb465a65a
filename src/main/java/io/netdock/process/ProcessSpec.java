package io.netdock.process;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run and where.
 *
 * @param owner      the container's ID (names the freezer cgroup and the log)
 * @param command    Entrypoint + Cmd, as the client gave them
 * @param env        {@code KEY=value} entries, Docker's defaults ({@code PATH}, {@code HOSTNAME}) included
 * @param workingDir absolute directory on the host, or empty for {@code /}
 * @param user       {@code uid[:gid]} or a host user name, or empty for root
 * @param hostname   the UTS namespace's host name
 * @param netns      the network namespace file to enter (a SandboxKey), or null to stay in netdock's
 * @param files      directory holding the {@code hosts}, {@code resolv.conf} and {@code hostname} to bind-mount
 *                   over {@code /etc}, or null for none
 * @param openStdin  stdin is a pipe (attached with {@code -i}); otherwise {@code /dev/null}
 * @param appletsFirst the image's userland is BusyBox: a command busybox provides runs as its applet even where
 *                   the host has a program of that name (see {@link HostCommands})
 */
public record ProcessSpec(String owner, List<String> command, List<String> env, String workingDir, String user,
                          String hostname, String netns, Path files, boolean openStdin, boolean appletsFirst) {
}
