package io.netdock.container;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random 64-hex identifiers for sandboxes. */
final class EndpointIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EndpointIds() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
