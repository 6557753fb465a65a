package io.netdock.store;

import java.util.Set;
import java.util.TreeSet;

/**
 * What one operation locks in this process (see {@link ResourceLocks}): networks it attaches to or detaches from
 * (shared), networks it removes (exclusive), the containers whose state it changes, and whether it plans a new
 * network (the address pool and names of all networks). Built from what the operation's references resolve to
 * before the locks are taken, and built again once they are held: the operation goes ahead only when the second
 * plan is covered by the first.
 */
public record LockPlan(Set<String> sharedNetworks, Set<String> exclusiveNetworks, Set<String> containers,
                       boolean networkCreation) {

    public LockPlan {
        sharedNetworks = Set.copyOf(sharedNetworks);
        exclusiveNetworks = Set.copyOf(exclusiveNetworks);
        containers = Set.copyOf(containers);
    }

    /** Locks nothing but the daemon-wide shared lock every mutation holds. */
    public static LockPlan nothing() {
        return new LockPlan(Set.of(), Set.of(), Set.of(), false);
    }

    public static LockPlan container(String id) {
        return nothing().andContainer(id);
    }

    public LockPlan andContainer(String id) {
        return new LockPlan(sharedNetworks, exclusiveNetworks, plus(containers, id), networkCreation);
    }


    /** The network's endpoints change (attach, detach); the network itself stays. */
    public LockPlan andNetwork(String id) {
        return new LockPlan(plus(sharedNetworks, id), exclusiveNetworks, containers, networkCreation);
    }


    /** The network itself goes: nobody may attach to it meanwhile. */
    public LockPlan andRemovedNetwork(String id) {
        return new LockPlan(sharedNetworks, plus(exclusiveNetworks, id), containers, networkCreation);
    }

    public LockPlan andNetworkCreation() {
        return new LockPlan(sharedNetworks, exclusiveNetworks, containers, true);
    }

    private static Set<String> plus(Set<String> set, String id) {
        if (set.contains(id)) {
            return set;
        }
        Set<String> more = new TreeSet<>(set);
        more.add(id);
        return more;
    }
}
