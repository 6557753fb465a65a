package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import io.netdock.go.Strconv;
import io.netdock.go.Unparsable;
import io.netdock.network.Network;
import io.netdock.portmap.PortBinding;
import java.util.List;
import java.util.Set;

/** {@code GET /containers/json?filters=}: Docker's keys and matching rules for what networking touches. */
public final class ContainerFilters {

    private static final Set<String> KEYS = Set.of("ancestor", "before", "expose", "exited", "health", "id",
            "isolation", "is-task", "label", "name", "network", "publish", "since", "status", "volume");
    private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused",
            "exited", "dead");

    private final Filters filters;

    private ContainerFilters(Filters filters) {
        this.filters = filters;
    }

    public static ContainerFilters of(Filters filters) {
        for (String key : filters.keys()) {
            if (!KEYS.contains(key)) {
                throw DockerError.invalidParameter("invalid filter '" + key + "'");
            }
        }
        for (String status : filters.get("status")) {
            if (!STATUSES.contains(status)) {
                throw DockerError.invalidParameter("invalid filter 'status=" + status + "'");
            }
        }
        for (String value : filters.get("publish")) {
            range(value, "publish");
        }
        for (String value : filters.get("expose")) {
            range(value, "expose");
        }
        return new ContainerFilters(filters);
    }

    /** Whether the {@code all} flag may be ignored: status filters show non-running containers too. */
    public boolean selectsByStatus() {
        return filters.has("status") || filters.has("exited");
    }

    public boolean matches(ContainerView view) {
        Container c = view.container();
        return name(c)
                && filters.prefixMatch("id", c.id())
                && filters.matchesLabels("label", c.labels())
                && filters.exactMatch("status", c.state().status().text())
                && exited(c)
                && ancestor(c)
                && network(view)
                && ports(view);
    }

    /** A regexp on the name, with or without its leading slash. */
    private boolean name(Container c) {
        return filters.match("name", "/" + c.name()) || filters.match("name", c.name());
    }

    private boolean exited(Container c) {
        if (!filters.has("exited")) {
            return true;
        }
        return c.state().status() == ContainerState.Status.EXITED
                && filters.get("exited").contains(Integer.toString(c.state().exitCode()));
    }

    private boolean ancestor(Container c) {
        if (!filters.has("ancestor")) {
            return true;
        }
        String image = c.config().image() == null ? "" : c.config().image();
        return filters.get("ancestor").stream().anyMatch(a -> a.equals(image) || (image.startsWith(a + ":")
                && !a.contains(":")) || (a + ":latest").equals(image) || a.equals(image + ":latest"));
    }

    /** Network name exactly, or network ID prefix. */
    private boolean network(ContainerView view) {
        if (!filters.has("network")) {
            return true;
        }
        for (String wanted : filters.get("network")) {
            for (var entry : view.container().networks().entrySet()) {
                Network network = view.networks().get(entry.getKey());
                if (entry.getKey().equals(wanted)
                        || (network != null && (network.name().equals(wanted) || network.id().startsWith(wanted)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean ports(ContainerView view) {
        if (filters.has("publish")) {
            boolean any = false;
            for (String value : filters.get("publish")) {
                int[] range = range(value, "publish");
                String proto = protocol(value);
                for (PortBinding b : view.ports()) {
                    if (b.hostPort() >= range[0] && b.hostPort() <= range[1]
                            && (proto == null || proto.equals(b.protocol()))) {
                        any = true;
                    }
                }
            }
            if (!any) {
                return false;
            }
        }
        if (filters.has("expose")) {
            List<String> exposed = view.container().config().exposedPorts();
            boolean any = false;
            for (String value : filters.get("expose")) {
                int[] range = range(value, "expose");
                String proto = protocol(value);
                for (String key : exposed == null ? List.<String>of() : exposed) {
                    int port = PortSpecs.containerPort(key);
                    if (port >= range[0] && port <= range[1] && (proto == null || proto.equals(PortSpecs.protocol(key)))) {
                        any = true;
                    }
                }
            }
            return any;
        }
        return true;
    }

    private static String protocol(String value) {
        int slash = value.indexOf('/');
        return slash < 0 ? null : value.substring(slash + 1);
    }

    /** docker/go-connections' {@code nat.ParsePortRange} on the port part, its errors wrapped as dockerd's (500). */
    private static int[] range(String value, String key) {
        int slash = value.indexOf('/');
        String ports = slash < 0 ? value : value.substring(0, slash);
        if (ports.isEmpty()) {
            throw lookupFailed(key, value, "Empty string specified for ports.");
        }
        String[] parts = ports.split("-", -1);
        int start = port(parts[0], key, value);
        int end = parts.length == 1 ? start : port(parts[1], key, value);
        if (end < start) {
            throw lookupFailed(key, value, "Invalid range specified for the Port: " + ports);
        }
        return new int[] {start, end};
    }

    private static int port(String text, String key, String value) {
        try {
            return (int) Strconv.parseUint(text, 16);
        } catch (Unparsable notAPort) {
            throw lookupFailed(key, value, notAPort.getMessage());
        }
    }

    private static DockerError lookupFailed(String key, String value, String reason) {
        return DockerError.system("error while looking up for " + key + " " + value + ": " + reason);
    }
}
