package io.netdock.endpoint;

import io.netdock.kernel.IpPrefix;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.netdock.store.ChangedElsewhere;
import io.netdock.store.StoreFeed;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The endpoint store, with an in-memory copy read at start, indexed by container and by network. Writers hold the
 * locks of the container's operation ({@code ResourceLocks}); {@link #reload} re-reads a container's rows after a
 * rolled-back transaction.
 */
@Repository
public class Endpoints {

    private static final String COLUMNS = "container_id, network_id, network_name, endpoint_id, interface_name, "
            + "mac_address, ipv4_cidr, gateway_v4, ipv6_cidr, gateway_v6, default_route, attach_order";

    private final JdbcClient jdbc;
    private final Map<String, Map<String, Endpoint>> byContainer = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Endpoint>> byNetwork = new ConcurrentHashMap<>();
    private final StoreFeed feed;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    public Endpoints(JdbcClient jdbc, StoreFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
        reloadAll();
    }

    /** Forgets every endpoint and reads them all again. */
    public void reloadAll() {
        byContainer.clear();
        byNetwork.clear();
        jdbc.sql("select " + COLUMNS + " from endpoint").query(Endpoints::map).list().forEach(this::remember);
    }

    /** Inserts; a network removed meanwhile by another netdock sharing the database is {@link ChangedElsewhere}. */
    public void insert(Endpoint e) {
        try {
            jdbc.sql("insert into endpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .param(e.containerId()).param(e.networkId()).param(e.networkName()).param(e.endpointId())
                    .param(e.interfaceName()).param(e.macAddress()).param(e.ipv4Cidr()).param(e.gatewayV4Text())
                    .param(e.ipv6Cidr()).param(e.gatewayV6Text()).param(e.defaultRoute()).param(e.attachOrder())
                    .update();
        } catch (DuplicateKeyException twice) {
            throw twice;
        } catch (DataIntegrityViolationException networkGone) {
            // only another netdock can remove a network this one attaches to (here the network's lock keeps them
            // apart): the operation runs again once this process has caught up, and then finds no such network
            throw new ChangedElsewhere("network " + e.networkId());
        }
        feed.changed(StoreFeed.CONTAINER, e.containerId());
        remember(e);
        changed(e.containerId());
    }

    public void delete(Endpoint e) {
        jdbc.sql("delete from endpoint where container_id = ? and network_id = ?")
                .param(e.containerId()).param(e.networkId()).update();
        feed.changed(StoreFeed.CONTAINER, e.containerId());
        forget(e.containerId(), e.networkId());
        changed(e.containerId());
    }

    /**
     * Calls {@code listener} with a container's ID each time what memory holds of its endpoints changed (attach,
     * detach, reload), on the writer's thread, after the change.
     */
    public void whenChanged(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    private void changed(String containerId) {
        changeListeners.forEach(listener -> listener.accept(containerId));
    }

    public void reload(String containerId) {
        Map<String, Endpoint> mine = byContainer.get(containerId);
        if (mine != null) {
            List.copyOf(mine.keySet()).forEach(networkId -> forget(containerId, networkId));
        }
        jdbc.sql("select " + COLUMNS + " from endpoint where container_id = ?").param(containerId)
                .query(Endpoints::map).list().forEach(this::remember);
        changed(containerId);
    }

    /** A container's endpoints in attachment order. */
    public List<Endpoint> ofContainer(String containerId) {
        Map<String, Endpoint> mine = byContainer.get(containerId);
        if (mine == null) {
            return List.of();
        }
        List<Endpoint> list = new ArrayList<>(mine.values());
        list.sort(Comparator.comparingLong(Endpoint::attachOrder));
        return list;
    }

    public List<Endpoint> onNetwork(String networkId) {
        Map<String, Endpoint> attached = byNetwork.get(networkId);
        return attached == null ? List.of() : List.copyOf(attached.values());
    }

    private void remember(Endpoint e) {
        byContainer.computeIfAbsent(e.containerId(), id -> new ConcurrentHashMap<>()).put(e.networkId(), e);
        byNetwork.computeIfAbsent(e.networkId(), id -> new ConcurrentHashMap<>()).put(e.containerId(), e);
    }

    private void forget(String containerId, String networkId) {
        byContainer.computeIfPresent(containerId, (id, mine) -> {
            mine.remove(networkId);
            return mine.isEmpty() ? null : mine;
        });
        byNetwork.computeIfPresent(networkId, (id, attached) -> {
            attached.remove(containerId);
            return attached.isEmpty() ? null : attached;
        });
    }

    private static Endpoint map(ResultSet rs, int row) throws SQLException {
        return new Endpoint(rs.getString("container_id"), rs.getString("network_id"), rs.getString("network_name"),
                rs.getString("endpoint_id"), rs.getString("interface_name"), rs.getString("mac_address"),
                prefix(rs.getString("ipv4_cidr")), address(rs.getString("gateway_v4")),
                prefix(rs.getString("ipv6_cidr")), address(rs.getString("gateway_v6")),
                rs.getBoolean("default_route"), rs.getLong("attach_order"));
    }

    private static IpPrefix prefix(String cidr) {
        if (cidr == null || cidr.isEmpty()) {
            return null;
        }
        int slash = cidr.indexOf('/');
        return new IpPrefix(IpAddresses.parseOrNull(cidr.substring(0, slash)),
                Integer.parseInt(cidr.substring(slash + 1)));
    }

    private static InetAddress address(String text) {
        return text == null || text.isEmpty() ? null : IpAddresses.parseOrNull(text);
    }
}
