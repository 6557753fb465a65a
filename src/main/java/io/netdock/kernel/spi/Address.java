package io.netdock.kernel.spi;

import io.netdock.kernel.IpPrefix;

/** An interface address, as {@code ip addr} shows it: {@code 172.18.0.1/16 dev br-1a2b}. */
public record Address(String link, IpPrefix prefix) {

    @Override
    public String toString() {
        return prefix + " dev " + link;
    }
}
