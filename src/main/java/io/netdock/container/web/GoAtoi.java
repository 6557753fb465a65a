package io.netdock.container.web;

import io.netdock.error.DockerError;
import io.netdock.error.GoQuote;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv.Atoi} on a query value. dockerd's stop and restart routers return its error unwrapped, so
 * the client gets 500 with Go's words ({@code strconv.Atoi: parsing "abc": invalid syntax}) and nothing happens;
 * netdock answers the same.
 */
final class GoAtoi {

    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

    private GoAtoi() {
    }

    /** The number {@code value} (not empty: dockerd skips those) says, or Go's error. */
    static long parse(String value) {
        if (!DIGITS.matcher(value).matches()) {
            throw failure(value, "invalid syntax");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLarge) {
            throw failure(value, "value out of range");
        }
    }

    private static DockerError failure(String value, String reason) {
        return DockerError.system("strconv.Atoi: parsing " + GoQuote.quote(value) + ": " + reason);
    }

}
