package io.netdock.system;

import io.netdock.server.NetdockProperties;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The identity of this netdock daemon as clients see it in {@code /info} and {@code /version}. */
@Component
public class Daemon {

    private final String engineId;
    private final Instant startedAt = Instant.now();
    private final HostFacts host = HostFacts.local();
    private final NetdockProperties properties;

    Daemon(DaemonSettings settings, NetdockProperties properties) {
        this.engineId = settings.getOrCreate("engine-id", () -> UUID.randomUUID().toString());
        this.properties = properties;
    }

    public String engineId() {
        return engineId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public HostFacts host() {
        return host;
    }

    public String rootDirectory() {
        return properties.stateDirectory().toString();
    }
}
