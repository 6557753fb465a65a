package io.netdock.network;

/** Go's spellings of values that Docker parses from text, so errors and results read as dockerd's. */
public final class GoValues {

    private GoValues() {
    }

    /** Go's {@code strconv.ParseBool}; null when the text is none of its spellings. */
    public static Boolean parseBool(String value) {
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Go's {@code %q} for plain text: double quotes, with quotes and backslashes escaped. */
    public static String quote(String value) {
        return io.netdock.error.GoQuote.quote(value);
    }
}
