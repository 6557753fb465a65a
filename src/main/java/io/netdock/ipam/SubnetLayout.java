package io.netdock.ipam;

import java.net.InetAddress;
import java.util.List;

/**
 * One subnet of a network as the allocator needs it.
 *
 * @param subnet   the subnet (masked)
 * @param ipRange  where dynamic addresses come from, or null for the whole subnet
 * @param reserved addresses never leased: the gateway and the auxiliary addresses
 */
public record SubnetLayout(Cidr subnet, Cidr ipRange, List<InetAddress> reserved) {

    public SubnetLayout {
        reserved = List.copyOf(reserved);
    }
}
