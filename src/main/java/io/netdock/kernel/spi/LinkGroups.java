package io.netdock.kernel.spi;

/**
 * The link groups ({@code IFLA_GROUP}, {@code ip link … group N}) that mark netdock's links. The group is set in
 * the very request that creates a link (the kernel ignores an alias there), so no crash can leave a link of
 * netdock's that reconcile would not recognise. The values spell "ndk" and are otherwise arbitrary.
 */
public final class LinkGroups {

    /** Bridges and host-side veth ends netdock creates. */
    public static final int OWNED = 0x6e646b01;

    /** Links taken out of service and waiting to be deleted in the background ({@link NetNamespace#retireLink}). */
    public static final int RETIRED = 0x6e646b02;

    private LinkGroups() {
    }

    /** Whether a link is netdock's: in one of its groups. */
    public static boolean isNetdocks(int group) {
        return group == OWNED || group == RETIRED;
    }
}
