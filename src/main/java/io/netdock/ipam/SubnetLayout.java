package io.netdock.ipam;

import java.net.InetAddress;
import java.util.List;

/**
 * One subnet of a network as the allocator needs it.
 *
 * @param subnet   the subnet (masked)
 * @param ipRange  where dynamic addresses come from, or null for the whole subnet
 * @param reserved addresses never leased: the gateway and the auxiliary addresses
 * @param serial   dynamic addresses in turn, after the last one handed out (IPAM option
 *                 {@code com.docker.network.ipam.serial=true}); otherwise first free, as Docker's local networks
 */
public record SubnetLayout(Cidr subnet, Cidr ipRange, List<InetAddress> reserved, boolean serial) {

    /** The IPAM option that asks for serial allocation (libnetwork's {@code ipamapi.AllocSerialPrefix}). */
    public static final String SERIAL_OPTION = "com.docker.network.ipam.serial";

    public SubnetLayout {
        reserved = List.copyOf(reserved);
    }

    public SubnetLayout(Cidr subnet, Cidr ipRange, List<InetAddress> reserved) {
        this(subnet, ipRange, reserved, false);
    }
}
