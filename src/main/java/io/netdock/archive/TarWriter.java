package io.netdock.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a tar stream as dockerd's Go {@code archive/tar} does for {@code docker cp}: one ustar header block
 * per member (magic {@code "ustar\0"}, version {@code "00"}, uid/gid 0, uname/gname {@code root}, mode with the
 * file type bits, mtime truncated to seconds), the content padded to 512-byte blocks, two zero blocks at the
 * end, and no padding to a 10 KiB record.
 */
public final class TarWriter {

    static final int BLOCK = 512;

    private TarWriter() {
    }

    public static byte[] write(List<TarEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TarEntry entry : entries) {
            out.writeBytes(header(entry));
            out.writeBytes(entry.rawContent());
            int padding = (BLOCK - entry.size() % BLOCK) % BLOCK;
            out.writeBytes(new byte[padding]);
        }
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private static byte[] header(TarEntry entry) {
        byte[] block = new byte[BLOCK];
        String[] path = splitUstarPath(entry.name());
        text(block, 0, 100, path[1]);
        octal(block, 100, 8, entry.type().modeBits | entry.permissions());
        octal(block, 108, 8, 0);
        octal(block, 116, 8, 0);
        octal(block, 124, 12, entry.size());
        octal(block, 136, 12, entry.mtime().getEpochSecond());
        block[156] = (byte) entry.type().flag;
        text(block, 157, 100, entry.linkTarget());
        text(block, 257, 6, "ustar");
        text(block, 263, 2, "00");
        text(block, 265, 32, "root");
        text(block, 297, 32, "root");
        octal(block, 329, 8, 0);
        octal(block, 337, 8, 0);
        text(block, 345, 155, path[0]);
        long checksum = 0;
        for (int i = 0; i < BLOCK; i++) {
            checksum += (i >= 148 && i < 156) ? ' ' : block[i] & 0xff;
        }
        octal(block, 148, 7, checksum);
        block[155] = ' ';
        return block;
    }

    /**
     * {prefix, name}: a name over 100 bytes is split at the last slash within the first 156 bytes into ustar's
     * 155-byte prefix and the name, as Go does (longer or non-ASCII names would need PAX, which dockerd's
     * emulated files never do).
     */
    private static String[] splitUstarPath(String name) {
        int length = utf8Length(name);
        if (length <= 100) {
            return new String[] {"", name};
        }
        if (length != name.length()) {
            throw new IllegalArgumentException("tar member name too long for ustar: " + name);
        }
        int end = length > 156 ? 156 : name.endsWith("/") ? length - 1 : length;
        int slash = name.lastIndexOf('/', end - 1);
        int suffixLength = length - slash - 1;
        if (slash <= 0 || suffixLength > 100 || suffixLength == 0 || slash > 155) {
            throw new IllegalArgumentException("tar member name too long for ustar: " + name);
        }
        return new String[] {name.substring(0, slash), name.substring(slash + 1)};
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void text(byte[] block, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("tar header field too long: " + value);
        }
        System.arraycopy(bytes, 0, block, offset, bytes.length);
    }

    /** Zero-padded octal digits filling the field but its last byte, which stays NUL. */
    private static void octal(byte[] block, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("value " + value + " does not fit a " + length + "-byte tar field");
        }
        text(block, offset, length - 1, "0".repeat(length - 1 - digits.length()) + digits);
    }
}
