package io.netdock.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a container's command on the host, as runc resolves it in an image: a name without a slash is
 * looked up on the container's {@code PATH}; a name not found there that the host's busybox provides as an
 * applet runs as that applet ({@code busybox <name> …}), so busybox-based examples work without an image. For an
 * image whose userland is BusyBox ({@code appletsFirst}) the applet comes first, as it would in the image: its
 * {@code top} keeps running without a terminal, its {@code nslookup} answers as BusyBox's does.
 */
public final class HostCommands {

    public static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static volatile Set<String> applets;

    private HostCommands() {
    }

    /** The argv to exec: the command unchanged, or with busybox in front; {@link CommandNotFound} otherwise. */
    public static List<String> resolve(List<String> command, String path, boolean appletsFirst) {
        if (command.isEmpty()) {
            throw new CommandNotFound("", "no command specified");
        }
        String name = command.get(0);
        if (appletsFirst && !name.contains("/") && busyboxApplets().contains(name)) {
            return asApplet(command);
        }
        if (name.contains("/")) {
            if (!Files.isExecutable(Path.of(name))) {
                throw new CommandNotFound(name, "stat " + name + ": no such file or directory");
            }
            return command;
        }
        for (String dir : (path == null ? DEFAULT_PATH : path).split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name)) && !Files.isDirectory(Path.of(dir, name))) {
                return command;
            }
        }
        if (busyboxApplets().contains(name)) {
            return asApplet(command);
        }
        throw new CommandNotFound(name, "executable file not found in $PATH");
    }

    private static List<String> asApplet(List<String> command) {
        List<String> applet = new ArrayList<>();
        applet.add(BUSYBOX.toString());
        applet.addAll(command);
        return applet;
    }

    /** What {@code busybox --list} prints, read once; empty when there is no busybox. */
    static Set<String> busyboxApplets() {
        Set<String> known = applets;
        if (known != null) {
            return known;
        }
        Set<String> list = new HashSet<>();
        if (Files.isExecutable(BUSYBOX)) {
            try {
                Process listing = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
                listing.getOutputStream().close();
                String output = new String(listing.getInputStream().readAllBytes());
                listing.waitFor();
                for (String line : output.split("\n")) {
                    if (!line.isBlank()) {
                        list.add(line.strip());
                    }
                }
            } catch (IOException e) {
                // no applets then
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        applets = Set.copyOf(list);
        return applets;
    }
}
