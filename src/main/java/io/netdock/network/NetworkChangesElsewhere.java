package io.netdock.network;

import io.netdock.ipam.AddressAllocator;
import io.netdock.store.StoreFeed;
import org.springframework.stereotype.Component;

/**
 * A network another netdock sharing the database created or removed: read again (its address cache too, rebuilt
 * from the leases on next use).
 */
@Component
class NetworkChangesElsewhere {

    NetworkChangesElsewhere(StoreFeed feed, Networks networks, AddressAllocator allocator) {
        feed.onChange(StoreFeed.NETWORK, change -> {
            networks.reload(change.subject());
            allocator.evict(change.subject());
        });
        feed.onChange(StoreFeed.EVERYTHING, change -> networks.reloadAll());
    }
}
