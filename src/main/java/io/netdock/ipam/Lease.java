package io.netdock.ipam;

import java.net.InetAddress;

/** An address of a network held by an owner (an endpoint, or whoever leased it). */
public record Lease(String networkId, InetAddress address, String ownerId) {
}
