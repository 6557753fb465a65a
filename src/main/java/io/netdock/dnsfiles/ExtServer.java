package io.netdock.dnsfiles;

import java.net.InetAddress;

/**
 * One upstream of the embedded resolver, as {@code # ExtServers:} lists it.
 *
 * @param fromHost taken from the host's resolv.conf ({@code host(…)}): queried from the host's namespace; otherwise
 *                 set by the user and queried from the container's
 */
public record ExtServer(InetAddress address, boolean fromHost) {
}
