package io.netdock.go;

import java.util.List;

/** Go's {@code fmt} verbs where dockerd prints values into text. */
public final class Fmt {

    private Fmt() {
    }

    /** A {@code []string} as {@code %v} prints it: {@code [a b c]}. */
    public static String slice(List<String> items) {
        return "[" + String.join(" ", items) + "]";
    }
}
