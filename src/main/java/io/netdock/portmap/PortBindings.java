package io.netdock.portmap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The port binding store with an in-memory index (by container, and the set of taken host ports). */
@Repository
class PortBindings {

    private static final String COLUMNS = "host_ip, protocol, host_port, container_id, port_key, container_port, "
            + "endpoint_id, bridge_name, container_ip, binding_order";

    private final JdbcClient jdbc;
    private final Map<String, List<PortBinding>> byContainer = new ConcurrentHashMap<>();
    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    PortBindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
        reloadAll();
    }

    void reloadAll() {
        byContainer.clear();
        taken.clear();
        jdbc.sql("select " + COLUMNS + " from port_binding").query(PortBindings::map).list().forEach(this::remember);
    }

    boolean isTaken(String hostIp, String protocol, int port) {
        return taken.contains(key(hostIp, protocol, port));
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
        List<PortBinding> gone = byContainer.remove(containerId);
        if (gone != null) {
            gone.forEach(b -> taken.remove(key(b.hostIp(), b.protocol(), b.hostPort())));
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
        taken.add(key(b.hostIp(), b.protocol(), b.hostPort()));
    }

    private static String key(String hostIp, String protocol, int port) {
        return hostIp + "/" + protocol + "/" + port;
    }

    private static PortBinding map(ResultSet rs, int row) throws SQLException {
        return new PortBinding(rs.getString("host_ip"), rs.getString("protocol"), rs.getInt("host_port"),
                rs.getString("container_id"), rs.getString("port_key"), rs.getInt("container_port"),
                rs.getString("endpoint_id"), rs.getString("bridge_name"), rs.getString("container_ip"),
                rs.getLong("binding_order"));
    }
}
