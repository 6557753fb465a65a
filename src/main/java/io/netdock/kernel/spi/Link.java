package io.netdock.kernel.spi;

/**
 * A link as a dump reports it.
 *
 * @param kind      {@code bridge}, {@code veth}, {@code loopback}, or the driver's kind ({@code device} if none)
 * @param peerIndex for a veth, the peer's ifindex in the peer's namespace; else 0
 * @param master    the bridge this link is a port of, or null
 * @param alias     {@code ifalias}, or null
 * @param group     the link group ({@code IFLA_GROUP}); 0 is the kernel's default, see {@link LinkGroups}
 * @param hairpin   for a bridge port, whether frames may leave by the port they came in on
 */
public record Link(int index, String name, String kind, int peerIndex, String master, String macAddress, int mtu,
                   boolean up, String alias, int group, boolean hairpin) {
}
