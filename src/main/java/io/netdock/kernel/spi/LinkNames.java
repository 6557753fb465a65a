package io.netdock.kernel.spi;

import java.nio.charset.StandardCharsets;

/** The kernel's rule for an interface name ({@code dev_valid_name} in net/core/dev.c). */
public final class LinkNames {

    /** IFNAMSIZ (include/uapi/linux/if.h) less the terminating NUL. */
    public static final int MAX_BYTES = 15;

    private LinkNames() {
    }

    /**
     * 1 to 15 bytes, not {@code .} or {@code ..}, without {@code /}, {@code :} or what C's {@code isspace} calls
     * whitespace (ASCII only: other Unicode spaces are allowed, as in Linux).
     */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES
                || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == ':' || c == 0 || c == ' ' || (c >= '\t' && c <= '\r'));
    }
}
