package io.netdock.go;

/**
 * A text that one of Go's {@code strconv} functions refuses: Go's {@code *strconv.NumError}, whose message is
 * Go's exact text ({@code strconv.Atoi: parsing "abc": invalid syntax}). Callers wrap it the way dockerd wraps the
 * error, with their own context and status.
 */
public final class Unparsable extends RuntimeException {

    static final String SYNTAX = "invalid syntax";
    static final String RANGE = "value out of range";

    private final boolean outOfRange;

    Unparsable(String function, String text, String reason) {
        super("strconv." + function + ": parsing " + Strconv.quote(text) + ": " + reason, null, false, false);
        this.outOfRange = RANGE.equals(reason);
    }

    /** Whether the text is a number that does not fit ({@code strconv.ErrRange}) rather than no number at all. */
    public boolean outOfRange() {
        return outOfRange;
    }
}
