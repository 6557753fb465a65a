package io.netdock.container;

import io.netdock.network.Network;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All networks read once, to resolve many containers' network keys (name, full ID or unique ID prefix) without a
 * database round trip per container.
 */
final class NetworkIndex {

    private final List<Network> all;
    private final Map<String, Network> byId = new HashMap<>();
    private final Map<String, Network> byName = new HashMap<>();

    NetworkIndex(List<Network> all) {
        this.all = all;
        for (Network network : all) {
            byId.put(network.id(), network);
            byName.putIfAbsent(network.name(), network);
        }
    }

    Optional<Network> find(String key) {
        Network exact = byId.get(key);
        if (exact == null) {
            exact = byName.get(key);
        }
        if (exact != null) {
            return Optional.of(exact);
        }
        List<Network> prefixed = all.stream().filter(n -> n.id().startsWith(key)).limit(2).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }
}
