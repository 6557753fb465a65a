package io.netdock.go;

import java.util.Locale;

/**
 * dockerd's boolean query parameters, {@code httputils.BoolValue} (moby {@code api/server/httputils/form.go}):
 * the value trimmed and lower-cased is false when it is "", "0", "no", "false" or "none", and true otherwise
 * ({@code f}, {@code off}, {@code n} and {@code nonsense} included). Not Go's {@code strconv.ParseBool}, which
 * refuses all but twelve spellings ({@link Strconv#parseBool}).
 */
public final class BoolValue {

    private BoolValue() {
    }

    /** {@code httputils.BoolValue}; an absent parameter ({@code null}) is false. */
    public static boolean of(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "0", "no", "false", "none" -> false;
            default -> true;
        };
    }

    /** {@code httputils.BoolValueOrDefault}: {@code absent} when the parameter is not there, else {@link #of}. */
    public static boolean orDefault(String value, boolean absent) {
        return value == null ? absent : of(value);
    }
}
