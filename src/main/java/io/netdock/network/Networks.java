package io.netdock.network;

import io.netdock.ipam.Cidr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import io.netdock.store.AfterCommit;
import io.netdock.store.StoreFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Networks in the database: one row per network plus its IPAM.Config entries. Each change is one transaction
 * (or part of the caller's).
 *
 * <p>Every stored network is also held in memory (read at start, changed once a write commits), so lookups and
 * lists never touch the database. A lookup by ID, name or ID prefix that memory cannot answer asks the database
 * (a network another netdock sharing the database made is found that way, and remembered). The database stays the
 * arbiter: names, bridge names and reserved subnets are unique there, and {@link #reservedOverlapping} asks it.
 */
@Repository
public class Networks {

    private static final Comparator<Network> CREATION_ORDER =
            Comparator.comparing(Network::created).thenComparing(Network::id);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final NetworkRows rows;
    private final Map<String, Network> byId = new ConcurrentHashMap<>();
    private final Map<String, Network> byName = new ConcurrentHashMap<>();
    private final Map<String, String> idByBridgeName = new ConcurrentHashMap<>();
    private final NavigableMap<String, Network> byIdSorted = new ConcurrentSkipListMap<>();
    private final NavigableMap<Network, Network> inCreationOrder = new ConcurrentSkipListMap<>(CREATION_ORDER);
    private final Map<String, Set<String>> madeFromConfiguration = new ConcurrentHashMap<>();

    private final StoreFeed feed;

    public Networks(JdbcClient jdbc, PlatformTransactionManager transactions, StoreFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.transaction = new TransactionTemplate(transactions);
        this.rows = new NetworkRows(jdbc);
        fillReservedRanges();
        rows.select("", List.of()).forEach(this::remember);
    }

    public void insert(Network network) {
        transaction.executeWithoutResult(status -> {
            rows.insert(network);
            feed.changed(StoreFeed.NETWORK, network.id());
            afterCommit(() -> remember(network));
        });
    }

    /** Replaces a network's IPAM.Config entries (the default bridge, when its configured subnet changed). */
    public void replaceIpamConfig(Network network) {
        transaction.executeWithoutResult(status -> {
            rows.delete(network.id());
            rows.insert(network);
            feed.changed(StoreFeed.NETWORK, network.id());
            afterCommit(() -> {
                forget(network.id());
                remember(network);
            });
        });
    }

    /** Stores that inspect now lists the network's gateways (the default bridge from its second start on). */
    public void showGateways(Network network) {
        transaction.executeWithoutResult(status -> {
            rows.showGateways(network.id());
            feed.changed(StoreFeed.NETWORK, network.id());
            afterCommit(() -> remember(network));
        });
    }

    public boolean delete(String id) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean deleted = rows.delete(id);
            feed.changed(StoreFeed.NETWORK, id);
            afterCommit(() -> forget(id));
            return deleted;
        }));
    }

    /** Takes the database's word for one network (another netdock sharing the database changed it). */
    public void reload(String id) {
        forget(id);
        rows.select("where id = ?", List.of(id)).forEach(this::remember);
    }

    /** Forgets every network and reads them all again. */
    public void reloadAll() {
        List.copyOf(byId.keySet()).forEach(this::forget);
        rows.select("", List.of()).forEach(this::remember);
    }

    /** Locks the network's row until the caller's transaction ends (endpoints being added elsewhere wait). */
    public void lockRow(String id) {
        jdbc.sql("select id from network where id = ? for update").param(id).query(String.class).optional();
    }

    public Optional<Network> findById(String id) {
        Network known = byId.get(id);
        return known != null ? Optional.of(known) : fromDatabase(rows.select("where id = ?", List.of(id)));
    }

    public Optional<Network> findByName(String name) {
        Network known = byName.get(name);
        return known != null ? Optional.of(known) : fromDatabase(rows.select("where name = ?", List.of(name)));
    }

    /** Networks whose ID starts with {@code prefix} (hex only, so no LIKE wildcards can sneak in). */
    public List<Network> findByIdPrefix(String prefix) {
        if (!prefix.matches("[0-9a-f]+")) {
            return List.of();
        }
        List<Network> known = new ArrayList<>(byIdSorted.subMap(prefix, true, prefix + Character.MAX_VALUE, false)
                .values());
        if (known.isEmpty()) {
            rows.select("where id like ?", List.of(prefix + "%")).forEach(this::remember);
            known.addAll(byIdSorted.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values());
        }
        known.sort(CREATION_ORDER);
        return known;
    }

    /** Every network, oldest first. */
    public List<Network> findAll() {
        return List.copyOf(inCreationOrder.values());
    }

    /** Whether a network has this name (the unique constraint decides between processes at insert). */
    public boolean existsWithName(String name) {
        return byName.containsKey(name);
    }

    /** The ID of the network whose bridge has this interface name. */
    public Optional<String> findIdByBridgeName(String bridgeName) {
        String known = idByBridgeName.get(bridgeName);
        if (known != null) {
            return Optional.of(known);
        }
        return jdbc.sql("select id from network where bridge_name = ?").param(bridgeName).query(String.class).optional();
    }

    /**
     * A subnet held by a network (any netdock's, as the database knows) that overlaps {@code subnet}, or empty.
     * When several do, the one that ends first.
     */
    public Optional<Cidr> reservedOverlapping(Cidr subnet) {
        Cidr masked = subnet.masked();
        return jdbc.sql("select reserved_subnet, reserved_first from network_ipam_config "
                        + "where reserved_last >= ? and reserved_last < ? order by reserved_last limit 1")
                .params(SubnetRangeKeys.first(masked), SubnetRangeKeys.familyEnd(masked.isIpv6()))
                .query((rs, row) -> rs.getString(2).compareTo(SubnetRangeKeys.last(masked)) <= 0
                        ? Cidr.parse(rs.getString(1)) : null)
                .optional();
    }

    /** Whether a network is made from the configuration network {@code name}. */
    public boolean isConfigurationInUse(String name) {
        Set<String> made = madeFromConfiguration.get(name);
        return made != null && !made.isEmpty();
    }

    private Optional<Network> fromDatabase(List<Network> found) {
        found.forEach(this::remember);
        return found.stream().findFirst();
    }

    private void remember(Network network) {
        Network previous = byId.put(network.id(), network);
        if (previous != null) {
            inCreationOrder.remove(previous);
        }
        byName.put(network.name(), network);
        byIdSorted.put(network.id(), network);
        inCreationOrder.put(network, network);
        if (network.isBridge()) {
            idByBridgeName.put(network.bridge().bridgeName(), network.id());
        }
        if (network.configFrom() != null && !network.configFrom().isEmpty()) {
            madeFromConfiguration.computeIfAbsent(network.configFrom(), name -> ConcurrentHashMap.newKeySet())
                    .add(network.id());
        }
    }

    private void forget(String id) {
        Network gone = byId.remove(id);
        if (gone == null) {
            return;
        }
        byName.remove(gone.name(), gone);
        byIdSorted.remove(id);
        inCreationOrder.remove(gone);
        if (gone.isBridge()) {
            idByBridgeName.remove(gone.bridge().bridgeName(), id);
        }
        Set<String> made = gone.configFrom() == null ? null : madeFromConfiguration.get(gone.configFrom());
        if (made != null) {
            made.remove(id);
        }
    }

    /** Memory changes when the database change is committed; never for a change that is rolled back. */
    private static void afterCommit(Runnable change) {
        AfterCommit.run(change);
    }

    /** Rows stored before the reserved ranges existed (migration V70) get them. */
    private void fillReservedRanges() {
        Map<String, String> missing = new LinkedHashMap<>();
        jdbc.sql("select network_id, config_index, reserved_subnet from network_ipam_config "
                        + "where reserved_subnet is not null and reserved_first is null")
                .query(rs -> {
                    missing.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3));
                });
        missing.forEach((key, subnet) -> {
            int slash = key.indexOf('/');
            Cidr cidr = Cidr.parse(subnet);
            jdbc.sql("update network_ipam_config set reserved_first = ?, reserved_last = ? "
                            + "where network_id = ? and config_index = ?")
                    .params(SubnetRangeKeys.first(cidr), SubnetRangeKeys.last(cidr), key.substring(0, slash),
                            Integer.parseInt(key.substring(slash + 1)))
                    .update();
        });
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
