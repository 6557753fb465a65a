package io.netdock.container;

import io.netdock.events.EventLog;
import io.netdock.go.KeyOrder;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Container events as dockerd reports them: {@code Actor.Attributes} are the labels plus {@code image} and
 * {@code name} (and per action {@code signal}, {@code exitCode}, {@code oldName}), sorted by key like Go's map
 * encoding.
 */
@Component
public class ContainerEvents {

    private final EventLog log;

    ContainerEvents(EventLog log) {
        this.log = log;
    }

    public void publish(Container container, String action) {
        publish(container, action, Map.of());
    }

    public void publish(Container container, String action, Map<String, String> extra) {
        Map<String, String> attributes = new TreeMap<>(KeyOrder.GO);
        attributes.putAll(container.labels());
        attributes.put("image", container.config().image());
        attributes.put("name", container.name());
        attributes.putAll(extra);
        log.publish("container", action, container.id(), attributes);
    }
}
