package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import java.util.Set;
import java.util.function.Predicate;

/** The {@code filters} of {@code GET /networks}, validated and matched like dockerd. */
final class NetworkFilters {

    static final Set<String> ACCEPTED = Set.of("dangling", "driver", "id", "label", "name", "scope", "type");

    private final Filters filters;
    private final Boolean dangling;

    private NetworkFilters(Filters filters, Boolean dangling) {
        this.filters = filters;
        this.dangling = dangling;
    }

    static NetworkFilters of(Filters filters) {
        filters.accept(ACCEPTED);
        Boolean dangling = null;
        if (filters.has("dangling")) {
            Set<String> values = filters.get("dangling");
            if (values.size() > 1) {
                throw DockerError.invalidParameter("got more than one value for filter key \"dangling\"");
            }
            String value = values.iterator().next();
            if (value.equals("true") || value.equals("1")) {
                dangling = true;
            } else if (value.equals("false") || value.equals("0")) {
                dangling = false;
            } else {
                throw DockerError.invalidParameter(
                        "invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")");
            }
        }
        for (String type : filters.get("type")) {
            if (!type.equals("custom") && !type.equals("builtin")) {
                throw DockerError.system("invalid filter: 'type'='" + type + "'");
            }
        }
        return new NetworkFilters(filters, dangling);
    }

    /** {@code inUse} tells whether a network has endpoints (asked only when the dangling filter needs it). */
    boolean matches(Network network, Predicate<Network> inUse) {
        if (!filters.exactMatch("driver", network.driver()) || !filters.match("id", network.id())
                || !filters.match("name", network.name()) || !filters.matchesLabels("label", network.labels())
                || !filters.exactMatch("scope", network.scope())) {
            return false;
        }
        if (filters.has("type")) {
            boolean builtin = network.isPredefined();
            if (!(filters.get("type").contains(builtin ? "builtin" : "custom"))) {
                return false;
            }
        }
        if (dangling != null) {
            boolean isDangling = !network.isPredefined() && !inUse.test(network);
            return isDangling == dangling;
        }
        return true;
    }
}
