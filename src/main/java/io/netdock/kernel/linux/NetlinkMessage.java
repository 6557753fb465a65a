package io.netdock.kernel.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Builds one netlink request: {@code nlmsghdr}, a family header ({@code ifinfomsg}, {@code ifaddrmsg},
 * {@code rtmsg}) and attributes ({@code rtattr}, nestable), in host byte order and 4-byte alignment. The
 * sequence number is filled in when the socket sends it.
 */
final class NetlinkMessage {

    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final Deque<Integer> openNests = new ArrayDeque<>();

    private NetlinkMessage(int type, int flags) {
        buffer.putInt(0).putShort((short) type).putShort((short) flags).putInt(0).putInt(0);
    }

    static NetlinkMessage request(int type, int flags) {
        return new NetlinkMessage(type, Netlink.NLM_F_REQUEST | flags);
    }

    /** {@code struct ifinfomsg}: family, pad, type, index, flags, change. */
    NetlinkMessage ifinfomsg(int family, int index, int flags, int change) {
        ensure(16);
        buffer.put((byte) family).put((byte) 0).putShort((short) 0).putInt(index).putInt(flags).putInt(change);
        return this;
    }

    /** {@code struct ifaddrmsg}: family, prefix length, flags, scope, index. */
    NetlinkMessage ifaddrmsg(int family, int prefixLength, int flags, int scope, int index) {
        ensure(8);
        buffer.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(index);
        return this;
    }

    /** {@code struct nfgenmsg}: family, version, resource id (big-endian), for nfnetlink. */
    NetlinkMessage nfgenmsg(int family, int resourceId) {
        ensure(4);
        buffer.put((byte) family).put((byte) Netlink.NFNETLINK_V0).put((byte) (resourceId >> 8))
                .put((byte) resourceId);
        return this;
    }

    /** {@code struct rtmsg}: family, dst_len, src_len, tos, table, protocol, scope, type, flags. */
    NetlinkMessage rtmsg(int family, int destinationLength, int table, int protocol, int scope, int type) {
        ensure(12);
        buffer.put((byte) family).put((byte) destinationLength).put((byte) 0).put((byte) 0).put((byte) table)
                .put((byte) protocol).put((byte) scope).put((byte) type).putInt(0);
        return this;
    }

    NetlinkMessage attribute(int type, byte[] value) {
        int length = 4 + value.length;
        ensure(align(length));
        buffer.putShort((short) length).putShort((short) type).put(value);
        pad();
        return this;
    }

    NetlinkMessage u8(int type, int value) {
        return attribute(type, new byte[] {(byte) value});
    }

    NetlinkMessage u32(int type, int value) {
        return attribute(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    /** A 64-bit number in network byte order, as nf_tables wants handles. */
    NetlinkMessage be64(int type, long value) {
        return attribute(type, ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(value).array());
    }

    /** A NUL-terminated string, as the kernel wants names. */
    NetlinkMessage string(int type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return attribute(type, Arrays.copyOf(bytes, bytes.length + 1));
    }

    /** A string without terminator (the kernel takes the attribute length), as iproute2 sends kinds and aliases. */
    NetlinkMessage text(int type, String value) {
        return attribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a nested attribute; attributes until {@link #end()} go inside it. */
    NetlinkMessage begin(int type) {
        ensure(4);
        openNests.push(buffer.position());
        buffer.putShort((short) 0).putShort((short) type);
        return this;
    }

    NetlinkMessage end() {
        int start = openNests.pop();
        buffer.putShort(start, (short) (buffer.position() - start));
        return this;
    }

    /** The {@code nlmsghdr} flags. */
    int flags() {
        return Short.toUnsignedInt(buffer.getShort(6));
    }

    /** The message with its length and sequence number set. */
    byte[] encode(int sequence) {
        if (!openNests.isEmpty()) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        header.putInt(0, bytes.length);
        header.putInt(8, sequence);
        return bytes;
    }

    static int align(int length) {
        return (length + 3) & ~3;
    }

    private void pad() {
        while ((buffer.position() & 3) != 0) {
            buffer.put((byte) 0);
        }
    }

    private void ensure(int more) {
        if (buffer.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more))
                    .order(ByteOrder.nativeOrder());
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
    }
}
