package io.netdock.container;

import io.netdock.error.DockerError;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Docker's container naming rules and IDs. */
final class ContainerNames {

    private static final Pattern VALID = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    /** Docker sets no limit; netdock keeps names indexable by every database it runs on (as for networks). */
    static final int MAX_LENGTH = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ContainerNames() {
    }

    /** The name without its leading slash, or Docker's 400 when it breaks the rule. */
    static String validate(String requested) {
        if (!VALID.matcher(requested).matches()) {
            throw DockerError.invalidParameter("Invalid container name (" + requested
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        String name = requested.startsWith("/") ? requested.substring(1) : requested;
        if (name.length() > MAX_LENGTH) {
            throw DockerError.invalidParameter("Invalid container name: a container name is at most " + MAX_LENGTH
                    + " characters long");
        }
        return name;
    }

    /** A 64-hex ID that is not all digits (Docker avoids IDs a client could read as a number). */
    static String newId() {
        while (true) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (!id.substring(0, 12).matches("[0-9]+")) {
                return id;
            }
        }
    }
}
