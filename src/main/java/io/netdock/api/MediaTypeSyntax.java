package io.netdock.api;

/** Why Go's {@code mime.ParseMediaType} refuses a {@code Content-Type} value, in its words. */
final class MediaTypeSyntax {

    private MediaTypeSyntax() {
    }

    static String goReason(String header) {
        String type = header == null ? "" : header.split(";", 2)[0].strip();
        if (type.isEmpty()) {
            return "mime: no media type";
        }
        int slash = type.indexOf('/');
        if (slash < 0) {
            return "mime: expected slash after first token";
        }
        if (slash == type.length() - 1) {
            return "mime: expected token after slash";
        }
        return "mime: invalid media parameter";
    }
}
