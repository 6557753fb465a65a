package io.netdock.portmap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.netdock.store.AfterCommit;
import io.netdock.store.StoreFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The port binding store with an in-memory index: by container, and per host address and protocol a bitmap of the
 * host ports taken (so finding a free port in a nearly full range is a bit scan, not a lookup per port).
 */
@Repository
class PortBindings {

    private static final String COLUMNS = "host_ip, protocol, host_port, container_id, port_key, container_port, "
            + "endpoint_id, bridge_name, container_ip, binding_order";

    private final JdbcClient jdbc;
    private final Map<String, List<PortBinding>> byContainer = new ConcurrentHashMap<>();
    private final Map<String, BitSet> taken = new ConcurrentHashMap<>();
    /** {@code ip/protocol/port} of the bindings operations of this process made (committed or not yet). */
    private final Set<String> claimedHere = ConcurrentHashMap.newKeySet();

    private final StoreFeed feed;

    PortBindings(JdbcClient jdbc, StoreFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
        reloadAll();
    }

    void reloadAll() {
        byContainer.clear();
        taken.clear();
        jdbc.sql("select " + COLUMNS + " from port_binding").query(PortBindings::map).list().forEach(this::remember);
    }

    /** Forgets one container's bindings and reads them again (after a rolled-back transaction). */
    void reload(String containerId) {
        forget(containerId);
        jdbc.sql("select " + COLUMNS + " from port_binding where container_id = ?").param(containerId)
                .query(PortBindings::map).list().forEach(this::remember);
    }

    /** The lowest port in {@code [from, to]} free on every one of {@code hostIps}, or -1. */
    int nextFree(List<String> hostIps, String protocol, int from, int to) {
        int port = from;
        while (port <= to) {
            int candidate = port;
            for (String hostIp : hostIps) {
                BitSet ports = taken.get(key(hostIp, protocol));
                if (ports != null) {
                    synchronized (ports) {
                        candidate = Math.max(candidate, ports.nextClearBit(candidate));
                    }
                }
            }
            if (candidate == port) {
                return port;
            }
            port = candidate;
        }
        return -1;
    }

    /**
     * Marks a port claimed by an operation of this process before its row is inserted, so two operations of this
     * process never try the same one (the second would wait for the first's transaction); false when one of this
     * process's operations holds it. A port the index holds taken for another reason (another netdock's binding, as
     * last read) is left to the insert to decide.
     */
    boolean reserve(String hostIp, String protocol, int port) {
        if (!claimedHere.add(key(hostIp, protocol) + "/" + port)) {
            return false;
        }
        BitSet ports = taken.computeIfAbsent(key(hostIp, protocol), k -> new BitSet());
        synchronized (ports) {
            ports.set(port);
        }
        return true;
    }

    /** Undoes {@link #reserve} for a port whose row was not inserted; {@code heldElsewhere}: it stays taken. */
    void unreserve(String hostIp, String protocol, int port, boolean heldElsewhere) {
        claimedHere.remove(key(hostIp, protocol) + "/" + port);
        BitSet ports = taken.get(key(hostIp, protocol));
        if (ports != null && !heldElsewhere) {
            synchronized (ports) {
                ports.clear(port);
            }
        }
    }

    /** Inserts the row only (see {@link #remember}); the primary key throws {@code DuplicateKeyException} when another holder has the port. */
    void insert(PortBinding b) {
        jdbc.sql("insert into port_binding (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(b.hostIp()).param(b.protocol()).param(b.hostPort()).param(b.containerId()).param(b.portKey())
                .param(b.containerPort()).param(b.endpointId()).param(b.bridgeName()).param(b.containerIp())
                .param(b.order()).update();
        feed.changed(StoreFeed.CONTAINER, b.containerId());
    }

    void deleteContainer(String containerId) {
        if (jdbc.sql("delete from port_binding where container_id = ?").param(containerId).update() > 0) {
            feed.changed(StoreFeed.CONTAINER, containerId);
        }
        // the ports are free for others once the delete is committed (a rollback is followed by a reload)
        List<PortBinding> deleted = byContainer.getOrDefault(containerId, List.of());
        AfterCommit.run(() -> forget(containerId, deleted));
    }

    private void forget(String containerId) {
        forget(containerId, byContainer.getOrDefault(containerId, List.of()));
    }

    /** Forgets these bindings of a container (bindings it got since stay). */
    private void forget(String containerId, List<PortBinding> bindings) {
        List<PortBinding> gone = bindings.isEmpty() ? null : bindings;
        byContainer.computeIfPresent(containerId, (id, list) -> {
            List<PortBinding> kept = list.stream().filter(b -> !bindings.contains(b)).toList();
            return kept.isEmpty() ? null : kept;
        });
        if (gone != null) {
            for (PortBinding b : gone) {
                claimedHere.remove(key(b.hostIp(), b.protocol()) + "/" + b.hostPort());
                BitSet ports = taken.get(key(b.hostIp(), b.protocol()));
                if (ports != null) {
                    synchronized (ports) {
                        ports.clear(b.hostPort());
                    }
                }
            }
        }
    }

    List<PortBinding> ofContainer(String containerId) {
        return byContainer.getOrDefault(containerId, List.of());
    }

    /** Every binding (for the {@code publish} list filter). */
    List<PortBinding> all() {
        List<PortBinding> all = new ArrayList<>();
        byContainer.values().forEach(all::addAll);
        return all;
    }

    /** Adds committed (or savepoint-released) rows to the in-memory index. */
    void remember(PortBinding b) {
        byContainer.compute(b.containerId(), (id, list) -> {
            List<PortBinding> updated = list == null ? new ArrayList<>() : new ArrayList<>(list);
            updated.add(b);
            updated.sort(Comparator.comparingLong(PortBinding::order));
            return List.copyOf(updated);
        });
        BitSet ports = taken.computeIfAbsent(key(b.hostIp(), b.protocol()), k -> new BitSet());
        synchronized (ports) {
            ports.set(b.hostPort());
        }
    }

    private static String key(String hostIp, String protocol) {
        return hostIp + "/" + protocol;
    }

    private static PortBinding map(ResultSet rs, int row) throws SQLException {
        return new PortBinding(rs.getString("host_ip"), rs.getString("protocol"), rs.getInt("host_port"),
                rs.getString("container_id"), rs.getString("port_key"), rs.getInt("container_port"),
                rs.getString("endpoint_id"), rs.getString("bridge_name"), rs.getString("container_ip"),
                rs.getLong("binding_order"));
    }
}
