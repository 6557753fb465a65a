package io.netdock.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether netdock can create and write a directory, decided without creating anything. */
final class StateDirectory {

    private StateDirectory() {
    }

    static void refuseUnwritable(String setting, Path directory) {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String fix = "Choose a directory this user can write, e.g. --netdock.state-dir=$HOME/netdock-data, or run "
                + "netdock as the directory's owner.";
        if (existing == null) {
            throw new StartupRefused(setting + ": cannot create " + directory, fix);
        }
        if (!Files.isDirectory(existing)) {
            throw new StartupRefused(setting + ": cannot create " + directory + " because " + existing
                    + " is a file, not a directory", fix);
        }
        if (!Files.isWritable(existing)) {
            throw new StartupRefused(setting + ": cannot " + (existing.equals(directory) ? "write " : "create ")
                    + directory + " because " + existing + " is not writable by this user", fix);
        }
    }
}
