package io.netdock.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The argv that puts a command into a container's namespaces. util-linux does the namespace work rather than a
 * native helper of our own: {@code nsenter --net} joins the sandbox (netdock's JNA thread could, but a forked JVM
 * cannot run Java between fork and exec), {@code unshare --mount --uts --propagation private} gives the process
 * its own mount and UTS namespaces, a few lines of {@code sh} bind-mount the generated {@code /etc} files (as
 * {@code ip netns exec} does with {@code /etc/netns/<name>}), join the freezer cgroup and set the host name,
 * {@code setpriv} changes user and {@code env -i} sets exactly the container's environment. Each of them
 * {@code exec}s the next, so the PID netdock sees is the command's PID. These tools are on every host that has
 * {@code ip}; a native helper would be one more binary to build and trust.
 */
final class LaunchCommand {

    private static final String SETUP = String.join("\n",
            "set -e",
            "if [ -n \"$1\" ]; then echo $$ > \"$1\"; fi",
            "if [ -n \"$2\" ]; then",
            "  mount --bind \"$2/hosts\" /etc/hosts",
            "  mount --bind \"$2/resolv.conf\" /etc/resolv.conf",
            "  if [ -e /etc/hostname ]; then mount --bind \"$2/hostname\" /etc/hostname; fi",
            "fi",
            "if [ -n \"$3\" ]; then hostname \"$3\"; fi",
            "cd \"$4\"",
            "shift 4",
            "exec \"$@\"");

    /** PATH of the set-up steps only; the command gets the container's environment. */
    static final String TOOLS_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    private LaunchCommand() {
    }

    /** A container's main process: new mount and UTS namespaces inside its network namespace. */
    static List<String> forContainer(ProcessSpec spec, List<String> resolved, Path cgroupProcs) {
        List<String> argv = new ArrayList<>();
        if (spec.netns() != null && !spec.netns().isEmpty()) {
            argv.addAll(List.of("nsenter", "--net=" + spec.netns(), "--"));
        }
        argv.addAll(List.of("unshare", "--mount", "--uts", "--propagation", "private", "--"));
        argv.addAll(setup(cgroupProcs, spec.files() == null ? "" : spec.files().toString(), spec.hostname()));
        argv.add(workingDir(spec));
        argv.addAll(become(spec, resolved));
        return argv;
    }

    /** An exec: joins the namespaces of the container's process {@code targetPid} (files and host name are there). */
    static List<String> forExec(ProcessSpec spec, List<String> resolved, int targetPid, Path cgroupProcs) {
        List<String> argv = new ArrayList<>(List.of("nsenter", "--target", Integer.toString(targetPid), "--net",
                "--mount", "--uts", "--"));
        argv.addAll(setup(cgroupProcs, "", ""));
        argv.add(workingDir(spec));
        argv.addAll(become(spec, resolved));
        return argv;
    }

    private static List<String> setup(Path cgroupProcs, String files, String hostname) {
        return List.of("sh", "-c", SETUP, "netdock-init", cgroupProcs == null ? "" : cgroupProcs.toString(), files,
                hostname == null ? "" : hostname);
    }

    private static String workingDir(ProcessSpec spec) {
        return spec.workingDir() == null || spec.workingDir().isEmpty() ? "/" : spec.workingDir();
    }

    private static List<String> become(ProcessSpec spec, List<String> resolved) {
        HostUsers.Identity who = HostUsers.resolve(spec.user());
        List<String> argv = new ArrayList<>();
        if (who.uid() != 0 || who.gid() != 0) {
            argv.addAll(List.of("setpriv", "--reuid=" + who.uid(), "--regid=" + who.gid(), "--clear-groups", "--"));
        }
        argv.addAll(List.of("env", "-i", "--"));
        boolean home = false;
        for (String entry : spec.env()) {
            if (entry.indexOf('=') > 0) {
                argv.add(entry);
                home |= entry.startsWith("HOME=");
            }
        }
        if (!home) {
            argv.add("HOME=" + who.home());
        }
        argv.addAll(resolved);
        return argv;
    }
}
