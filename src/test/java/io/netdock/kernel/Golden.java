package io.netdock.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Golden texts under {@code src/test/resources/golden}: what {@code nft list table inet netdock} prints. */
public final class Golden {

    public static final String EMPTY_TABLE = text("nft/empty.nft");
    public static final String NETWORK_A = text("nft/network-a.nft");
    public static final String NETWORK_A_PUBLISHED = text("nft/network-a-published.nft");
    public static final String NETWORK_A_WEB = text("nft/network-a-web.nft");
    public static final String INTERNAL_NO_ICC_B = text("nft/internal-no-icc-b.nft");

    private Golden() {
    }

    /** A sandbox's {@code table ip docker-dns} as nft lists it, for the resolver's ports. */
    public static String dockerDns(int udpPort, int tcpPort) {
        return text("nft/docker-dns.nft").replace("UDP_PORT", Integer.toString(udpPort))
                .replace("TCP_PORT", Integer.toString(tcpPort));
    }

    public static String text(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
