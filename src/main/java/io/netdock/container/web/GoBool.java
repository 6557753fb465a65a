package io.netdock.container.web;

import io.netdock.error.DockerError;

/** Docker's boolean query parameters ({@code httputils.BoolValue}): 1/true/t … ; empty is false. */
final class GoBool {

    private GoBool() {
    }

    static boolean parse(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase()) {
            case "1", "t", "true", "yes", "y", "on" -> true;
            case "0", "f", "false", "no", "n", "off", "none" -> false;
            default -> !value.isBlank();
        };
    }

    static void reject(String name, String value) {
        throw DockerError.invalidParameter("invalid value for " + name + ": " + value);
    }
}
