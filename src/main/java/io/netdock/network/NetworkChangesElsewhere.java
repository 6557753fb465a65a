package io.netdock.network;

import io.netdock.ipam.AddressAllocator;
import io.netdock.store.StoreFeed;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A network another netdock sharing the database created or removed: read again (its address cache too, rebuilt
 * from the leases on next use); a removed one's bridge goes from this process's kernel if this process set it up.
 */
@Component
class NetworkChangesElsewhere {

    NetworkChangesElsewhere(StoreFeed feed, Networks networks, AddressAllocator allocator, NetworkService service) {
        feed.onChange(StoreFeed.NETWORK, change -> {
            Optional<Network> before = networks.findById(change.subject());
            networks.reload(change.subject());
            allocator.evict(change.subject());
            if (before.isPresent() && networks.findById(change.subject()).isEmpty()) {
                service.removedElsewhere(before.get());
            }
        });
        feed.onChange(StoreFeed.EVERYTHING, change -> networks.reloadAll());
    }
}
