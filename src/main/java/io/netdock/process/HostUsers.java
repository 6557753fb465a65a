package io.netdock.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Docker's {@code User} ({@code uid}, {@code uid:gid}, {@code name}, {@code name:group}) read against the host's
 * {@code /etc/passwd} and {@code /etc/group}, as runc reads them in an image.
 */
final class HostUsers {

    /** Who to become, and the home directory for {@code HOME} when the client set none. */
    record Identity(int uid, int gid, String home) {
    }

    private HostUsers() {
    }

    static Identity resolve(String user) {
        if (user == null || user.isEmpty()) {
            return new Identity(0, 0, "/root");
        }
        int colon = user.indexOf(':');
        String who = colon < 0 ? user : user.substring(0, colon);
        String group = colon < 0 ? null : user.substring(colon + 1);
        Optional<String[]> entry = find(Path.of("/etc/passwd"), who);
        int uid;
        int gid;
        String home;
        if (isNumber(who)) {
            uid = Integer.parseInt(who);
            gid = entry.map(e -> Integer.parseInt(e[3])).orElse(0);
            home = entry.map(e -> e[5]).orElse("/");
        } else {
            String[] found = entry.orElseThrow(() -> new ProcessStartFailed("unable to find user " + who
                    + ": no matching entries in passwd file"));
            uid = Integer.parseInt(found[2]);
            gid = Integer.parseInt(found[3]);
            home = found[5];
        }
        if (group != null && !group.isEmpty()) {
            gid = isNumber(group) ? Integer.parseInt(group) : find(Path.of("/etc/group"), group)
                    .map(e -> Integer.parseInt(e[2]))
                    .orElseThrow(() -> new ProcessStartFailed("unable to find group " + group
                            + ": no matching entries in group file"));
        }
        return new Identity(uid, gid, home);
    }

    /** The colon-separated entry whose name (or, for a number, whose ID) is {@code key}. */
    private static Optional<String[]> find(Path file, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException missing) {
            return Optional.empty();
        }
        for (String line : lines) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 4 && (fields[0].equals(key) || isNumber(key) && fields[2].equals(key))) {
                return Optional.of(fields.length >= 7 ? fields : pad(fields));
            }
        }
        return Optional.empty();
    }

    private static String[] pad(String[] fields) {
        String[] padded = new String[7];
        for (int i = 0; i < padded.length; i++) {
            padded[i] = i < fields.length ? fields[i] : "/";
        }
        return padded;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}
