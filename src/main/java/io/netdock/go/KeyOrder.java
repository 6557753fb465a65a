package io.netdock.go;

import java.util.Comparator;

/**
 * The order in which Go's {@code encoding/json} writes a map's keys: sorted by their UTF-8 bytes, which is code
 * point order (Java's {@code String.compareTo} compares UTF-16 units and puts U+10000 and above before U+E000).
 */
public final class KeyOrder {

    public static final Comparator<String> GO = KeyOrder::compare;

    private KeyOrder() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
