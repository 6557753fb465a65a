package io.netdock.network;

import java.util.List;

/**
 * Who uses a network: implemented by the endpoint module, read by this one through an
 * {@code ObjectProvider} ("no bean" means "no users"). Used for inspect's {@code Containers}, delete and prune
 * (in-use networks stay) and the {@code dangling} filter.
 */
public interface NetworkUsers {

    /** Endpoints of running containers on that network. */
    List<NetworkUser> usersOf(String networkId);
}
