package io.netdock.container;

/**
 * {@code HostConfig.NetworkMode} understood: the default bridge, {@code host}, {@code none},
 * {@code container:<x>}, or a user network by name or ID.
 */
public record NetworkMode(Kind kind, String value) {

    public enum Kind {
        BRIDGE, HOST, NONE, CONTAINER, USER
    }

    public static NetworkMode of(String raw) {
        if (raw == null || raw.isEmpty() || raw.equals("default") || raw.equals("bridge")) {
            return new NetworkMode(Kind.BRIDGE, "bridge");
        }
        if (raw.equals("host")) {
            return new NetworkMode(Kind.HOST, "host");
        }
        if (raw.equals("none")) {
            return new NetworkMode(Kind.NONE, "none");
        }
        if (raw.startsWith("container:")) {
            return new NetworkMode(Kind.CONTAINER, raw.substring("container:".length()));
        }
        return new NetworkMode(Kind.USER, raw);
    }

    public boolean isContainer() {
        return kind == Kind.CONTAINER;
    }

    public boolean isHost() {
        return kind == Kind.HOST;
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** Host and container modes share a namespace someone else owns: no endpoints of their own. */
    public boolean sharesNamespace() {
        return kind == Kind.HOST || kind == Kind.CONTAINER;
    }

    /** The network name the primary endpoint is keyed by in {@code NetworkSettings.Networks}. */
    public String networkName() {
        return kind == Kind.CONTAINER ? null : value;
    }
}
