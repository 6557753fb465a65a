package io.netdock.events;

import io.netdock.filters.Filters;
import java.util.Set;
import java.util.function.Predicate;

/**
 * dockerd's event filter ({@code daemon/events/filter.go}): {@code type}, {@code event}, {@code scope} exact;
 * {@code container}, {@code network}, {@code daemon}, {@code volume}, {@code plugin}, {@code node},
 * {@code service}, {@code secret}, {@code config} match events of that type by ID or {@code name} attribute,
 * exactly or as a prefix (and exclude every event of another type); {@code image} matches the image ID/name
 * with or without tag; {@code label} needs every {@code key} / {@code key=value} among the attributes. Keys
 * are AND-ed, values of one key OR-ed; unknown keys are ignored, as dockerd does.
 */
public final class EventFilter implements Predicate<Event> {

    private static final Set<String> ACTOR_TYPES =
            Set.of("container", "network", "daemon", "volume", "plugin", "node", "service", "secret", "config");
    private static final Set<String> FUZZY_ACTIONS = Set.of("health_status", "exec_create", "exec_start");

    private final Filters filters;

    public EventFilter(Filters filters) {
        this.filters = filters;
    }

    @Override
    public boolean test(Event event) {
        return matchesAction(event)
                && filters.exactMatch("type", event.type())
                && filters.exactMatch("scope", event.scope())
                && ACTOR_TYPES.stream().allMatch(type -> matchesActor(type, event))
                && matchesImage(event)
                && filters.matchesLabels("label", event.attributes());
    }

    /** {@code health_status} and the exec actions carry a suffix ({@code health_status: healthy}). */
    private boolean matchesAction(Event event) {
        if (filters.get("event").stream().anyMatch(FUZZY_ACTIONS::contains)) {
            return filters.prefixMatch("event", event.action());
        }
        return filters.exactMatch("event", event.action());
    }

    private boolean matchesActor(String key, Event event) {
        String name = event.attributes().get("name");
        return filters.prefixMatch(key, event.actorId()) || (name != null && filters.prefixMatch(key, name));
    }

    private boolean matchesImage(Event event) {
        if (!filters.has("image")) {
            return true;
        }
        String image = event.attributes().getOrDefault(event.type().equals("image") ? "name" : "image", "");
        return filters.exactMatch("image", event.actorId()) || filters.exactMatch("image", image)
                || filters.exactMatch("image", withoutTag(event.actorId()))
                || filters.exactMatch("image", withoutTag(image));
    }

    /** {@code busybox:latest} → {@code busybox}; digests go too ({@code name@sha256:...} → {@code name}). */
    static String withoutTag(String image) {
        String name = image;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        for (String prefix : new String[] {"docker.io/library/", "index.docker.io/library/", "docker.io/"}) {
            if (name.startsWith(prefix) && !name.substring(prefix.length()).isEmpty()) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }
}
