package io.netdock.kernel.linux;

import io.netdock.kernel.Golden;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/** Golden netlink bytes: hex files whose {@code #} lines annotate them, in x86-64/arm64 byte order. */
final class GoldenBytes {

    private GoldenBytes() {
    }

    /** The hex of {@code golden/<name>.hex} without comments and spaces. */
    static String hex(String name) {
        return Golden.text(name + ".hex").lines().filter(line -> !line.startsWith("#"))
                .reduce("", String::concat).replace(" ", "");
    }

    /** A message captured from a real kernel, ready to decode. */
    static ByteBuffer captured(String name) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex(name))).order(ByteOrder.nativeOrder());
    }

    /** A request as netdock encodes it (sequence number 1). */
    static String encoded(NetlinkMessage message) {
        return HexFormat.of().formatHex(message.encode(1));
    }
}
