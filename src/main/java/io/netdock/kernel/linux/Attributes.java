package io.netdock.kernel.linux;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The {@code rtattr}s of a netlink message region, by type (the last of a repeated type wins). */
final class Attributes {

    private final Map<Integer, ByteBuffer> values = new HashMap<>();

    /** Parses attributes from {@code region}'s position to its limit. */
    Attributes(ByteBuffer region) {
        ByteBuffer in = region.slice().order(ByteOrder.nativeOrder());
        while (in.remaining() >= 4) {
            int start = in.position();
            int length = Short.toUnsignedInt(in.getShort(start));
            int type = Short.toUnsignedInt(in.getShort(start + 2)) & 0x3fff; // without NLA_F_NESTED/NET_BYTEORDER
            if (length < 4 || start + length > in.limit()) {
                break;
            }
            values.put(type, in.duplicate().position(start + 4).limit(start + length).slice()
                    .order(ByteOrder.nativeOrder()));
            in.position(Math.min(in.limit(), start + NetlinkMessage.align(length)));
        }
    }

    boolean has(int type) {
        return values.containsKey(type);
    }

    Attributes nested(int type) {
        ByteBuffer value = values.get(type);
        return new Attributes(value == null ? ByteBuffer.allocate(0) : value.duplicate());
    }

    /** A string attribute, without its NUL terminator; null if absent. */
    String string(int type) {
        ByteBuffer value = values.get(type);
        if (value == null) {
            return null;
        }
        byte[] bytes = new byte[value.remaining()];
        value.duplicate().get(bytes);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    int u32(int type, int absent) {
        ByteBuffer value = values.get(type);
        return value == null || value.remaining() < 4 ? absent : value.getInt(0);
    }

    int u8(int type, int absent) {
        ByteBuffer value = values.get(type);
        return value == null || value.remaining() < 1 ? absent : Byte.toUnsignedInt(value.get(0));
    }

    /** A 64-bit number in network byte order (nf_tables handles). */
    long be64(int type, long absent) {
        ByteBuffer value = values.get(type);
        return value == null || value.remaining() < 8 ? absent : value.duplicate().order(ByteOrder.BIG_ENDIAN).getLong(0);
    }

    byte[] bytes(int type) {
        ByteBuffer value = values.get(type);
        if (value == null) {
            return null;
        }
        byte[] bytes = new byte[value.remaining()];
        value.duplicate().get(bytes);
        return bytes;
    }

    InetAddress address(int type) {
        byte[] bytes = bytes(type);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("attribute " + type + " is no address: " + bytes.length + " bytes", e);
        }
    }
}
