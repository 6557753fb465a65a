package io.netdock.kernel;

import java.net.InetAddress;

/** An address with a prefix length, e.g. {@code 172.17.0.1/16}. */
public record IpPrefix(InetAddress address, int prefixLength) {

    public boolean isIpv6() {
        return address.getAddress().length == 16;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
