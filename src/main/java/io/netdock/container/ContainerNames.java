package io.netdock.container;

import io.netdock.error.DockerError;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Docker's container naming rules and IDs. */
final class ContainerNames {

    private static final Pattern VALID = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ContainerNames() {
    }

    /** The name without its leading slash, or Docker's 400 when it breaks the rule. */
    static String validate(String requested) {
        if (!VALID.matcher(requested).matches()) {
            throw DockerError.invalidParameter("Invalid container name (" + requested
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return requested.startsWith("/") ? requested.substring(1) : requested;
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
