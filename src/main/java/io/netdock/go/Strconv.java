package io.netdock.go;

/**
 * Go's {@code strconv} as dockerd uses it: base-10 integers ({@code Atoi}, {@code ParseInt}, {@code ParseUint}),
 * {@code ParseBool} and {@code Quote}. A refused text throws {@link Unparsable} with Go's exact message; the checks
 * run in Go's order (a number that overflows before a bad character is out of range, not bad syntax).
 */
public final class Strconv {

    /** The largest uint64 divided by ten, plus one: from here on {@code n * 10} overflows (Go's cutoff). */
    private static final long UINT64_CUTOFF = Long.divideUnsigned(-1L, 10) + 1;

    private Strconv() {
    }

    /** Go's {@code strconv.Atoi} on a 64-bit platform. */
    public static long atoi(String text) {
        return signed("Atoi", text);
    }

    /** Go's {@code strconv.ParseInt(text, 10, 64)}. */
    public static long parseInt(String text) {
        return signed("ParseInt", text);
    }

    /** Go's {@code strconv.ParseUint(text, 10, bitSize)} for a bit size below 64: no sign, digits only. */
    public static long parseUint(String text, int bitSize) {
        if (bitSize < 1 || bitSize > 63) {
            throw new IllegalArgumentException("bit size " + bitSize + " (1 to 63)");
        }
        return unsigned("ParseUint", text, text, (1L << bitSize) - 1);
    }

    /** Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True and their false counterparts, nothing else. */
    public static boolean parseBool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new Unparsable("ParseBool", text, Unparsable.SYNTAX);
        };
    }

    /**
     * Go's {@code strconv.Quote}, which dockerd's messages use for the values they quote ({@code %q}): printable
     * characters as they are, backslash escapes for the usual control characters ({@code \n}) and hexadecimal
     * ones for anything else that is not printable.
     */
    public static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> appendQuoted(quoted, c));
        return quoted.append('"').toString();
    }

    /** {@code ParseInt(s, 10, 64)}: an optional sign, then {@code ParseUint}'s digits, within int64. */
    private static long signed(String function, String text) {
        if (text.isEmpty()) {
            throw new Unparsable(function, text, Unparsable.SYNTAX);
        }
        boolean negative = text.charAt(0) == '-';
        String digits = negative || text.charAt(0) == '+' ? text.substring(1) : text;
        long magnitude = unsigned(function, text, digits, -1L);
        long cutoff = Long.MIN_VALUE; // 1 << 63 as an unsigned number
        if (!negative && Long.compareUnsigned(magnitude, cutoff) >= 0
                || negative && Long.compareUnsigned(magnitude, cutoff) > 0) {
            throw new Unparsable(function, text, Unparsable.RANGE);
        }
        return negative ? -magnitude : magnitude;
    }

    /** Go's digit loop; {@code max} is unsigned ({@code -1L}: the largest uint64). */
    private static long unsigned(String function, String text, String digits, long max) {
        if (digits.isEmpty()) {
            throw new Unparsable(function, text, Unparsable.SYNTAX);
        }
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new Unparsable(function, text, Unparsable.SYNTAX);
            }
            if (Long.compareUnsigned(n, UINT64_CUTOFF) >= 0) {
                throw new Unparsable(function, text, Unparsable.RANGE);
            }
            n *= 10;
            long next = n + (c - '0');
            if (Long.compareUnsigned(next, n) < 0 || Long.compareUnsigned(next, max) > 0) {
                throw new Unparsable(function, text, Unparsable.RANGE);
            }
            n = next;
        }
        return n;
    }

    private static void appendQuoted(StringBuilder out, int c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (isPrintable(c)) {
                    out.appendCodePoint(c);
                } else if (c < 0x80) {
                    out.append(String.format("\\x%02x", c));
                } else if (Character.getType(c) == Character.SURROGATE) {
                    out.append('\ufffd');
                } else if (c < 0x10000) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.append(String.format("\\U%08x", c));
                }
            }
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
