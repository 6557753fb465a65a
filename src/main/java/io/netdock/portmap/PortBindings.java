package io.netdock.portmap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    PortBindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Inserts the row only (see {@link #remember}); the primary key throws {@code DuplicateKeyException} when another holder has the port. */
    void insert(PortBinding b) {
        jdbc.sql("insert into port_binding (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(b.hostIp()).param(b.protocol()).param(b.hostPort()).param(b.containerId()).param(b.portKey())
                .param(b.containerPort()).param(b.endpointId()).param(b.bridgeName()).param(b.containerIp())
                .param(b.order()).update();
    }

    void deleteContainer(String containerId) {
        jdbc.sql("delete from port_binding where container_id = ?").param(containerId).update();
        forget(containerId);
    }

    private void forget(String containerId) {
        List<PortBinding> gone = byContainer.remove(containerId);
        if (gone != null) {
            for (PortBinding b : gone) {
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
