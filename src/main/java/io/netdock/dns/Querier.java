package io.netdock.dns;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks: a container's embedded resolver (its networks, its links, its upstreams) or, with no container, the
 * host listener (every user-defined network: {@code <name>.<network>}, and {@code <name>} where it is unique).
 *
 * @param containerId the full ID of the container whose sandbox the query came from; empty for the host view
 */
public record Querier(Optional<String> containerId) {

    private static final Querier HOST = new Querier(Optional.empty());

    public Querier {
        Objects.requireNonNull(containerId, "containerId");
    }

    public static Querier host() {
        return HOST;
    }

    public static Querier container(String id) {
        return new Querier(Optional.of(id));
    }

    public boolean isHost() {
        return containerId.isEmpty();
    }
}
