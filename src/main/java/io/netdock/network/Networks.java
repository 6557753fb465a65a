package io.netdock.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Networks in the database: one row per network plus its IPAM.Config entries. Each change is one transaction
 * (or part of the caller's).
 */
@Repository
public class Networks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, name, driver, network_scope, created_nanos, is_internal, is_attachable, "
            + "is_ingress, config_only, config_from, enable_ipv4, enable_ipv6, ipam_driver, ipam_options, "
            + "driver_options, labels";

    /** Most networks share a few option and label texts ({@code {}} above all): each is parsed once. */
    private static final int MAX_PARSED_MAPS = 4096;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, Map<String, String>> parsedMaps = new ConcurrentHashMap<>();

    public Networks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void insert(Network network) {
        transaction.executeWithoutResult(status -> insertRows(network));
    }

    private void insertRows(Network network) {
        jdbc.sql("insert into network (" + COLUMNS + ", bridge_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(network.id(), network.name(), network.driver(), network.scope(), nanos(network.created()),
                        network.internal(), network.attachable(), network.ingress(), network.configOnly(),
                        network.configFrom(), network.enableIpv4(), network.enableIpv6(), network.ipam().driver(),
                        network.ipam().options() == null ? null : JSON.writeValueAsString(network.ipam().options()),
                        JSON.writeValueAsString(network.options()), JSON.writeValueAsString(network.labels()),
                        network.isBridge() ? network.bridge().bridgeName() : null)
                .update();
        List<IpamConfig> active = network.activeConfig();
        int index = 0;
        for (IpamConfig config : network.ipam().config()) {
            jdbc.sql("insert into network_ipam_config (network_id, config_index, subnet, ip_range, gateway, "
                            + "aux_addresses, user_subnet, gateway_shown, reserved_subnet) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(network.id(), index++, config.subnet(), config.ipRange(), config.gateway(),
                            JSON.writeValueAsString(config.auxiliaryAddresses()), config.userSubnet(),
                            config.gatewayShown(), active.contains(config) ? config.subnetCidr().masked().toString() : null)
                    .update();
        }
    }

    /** Replaces a network's IPAM.Config entries (the default bridge, when its configured subnet changed). */
    public void replaceIpamConfig(Network network) {
        transaction.executeWithoutResult(status -> {
            deleteRows(network.id());
            insertRows(network);
        });
    }

    public boolean delete(String id) {
        return Boolean.TRUE.equals(transaction.execute(status -> deleteRows(id)));
    }

    private boolean deleteRows(String id) {
        jdbc.sql("delete from network_ipam_config where network_id = ?").param(id).update();
        return jdbc.sql("delete from network where id = ?").param(id).update() == 1;
    }

    /** Locks the network's row until the caller's transaction ends (endpoints being added elsewhere wait). */
    public void lockRow(String id) {
        jdbc.sql("select id from network where id = ? for update").param(id).query(String.class).optional();
    }

    public Optional<Network> findById(String id) {
        return first(jdbc.sql("select " + COLUMNS + " from network where id = ?").param(id).query(this::row).list());
    }

    public Optional<Network> findByName(String name) {
        return first(jdbc.sql("select " + COLUMNS + " from network where name = ?").param(name).query(this::row)
                .list());
    }

    /** Networks whose ID starts with {@code prefix} (hex only, so no LIKE wildcards can sneak in). */
    public List<Network> findByIdPrefix(String prefix) {
        if (!prefix.matches("[0-9a-f]+")) {
            return List.of();
        }
        return withIpam(jdbc.sql("select " + COLUMNS + " from network where id like ? order by created_nanos, id")
                .param(prefix + "%").query(this::row).list());
    }

    public List<Network> findAll() {
        return withIpam(jdbc.sql("select " + COLUMNS + " from network order by created_nanos, id").query(this::row)
                .list());
    }

    public boolean existsWithName(String name) {
        return jdbc.sql("select count(*) from network where name = ?").param(name).query(Long.class).single() > 0;
    }

    /** The ID of the network whose bridge has this interface name. */
    public Optional<String> findIdByBridgeName(String bridgeName) {
        return jdbc.sql("select id from network where bridge_name = ?").param(bridgeName).query(String.class).optional();
    }

    /** The subnets networks hold (masked), which new subnets must not overlap. */
    public List<String> reservedSubnets() {
        return jdbc.sql("select reserved_subnet from network_ipam_config where reserved_subnet is not null")
                .query(String.class).list();
    }

    /** Networks created from the configuration network {@code name}. */
    public boolean isConfigurationInUse(String name) {
        return jdbc.sql("select count(*) from network where config_from = ?").param(name).query(Long.class).single() > 0;
    }

    private Optional<Network> first(List<PartialNetwork> rows) {
        return withIpam(rows).stream().findFirst();
    }

    private List<Network> withIpam(List<PartialNetwork> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<IpamConfig>> configs = new LinkedHashMap<>();
        String where = rows.size() == 1 ? "where network_id = ?" : "";
        var query = jdbc.sql("select network_id, subnet, ip_range, gateway, aux_addresses, user_subnet, gateway_shown "
                + "from network_ipam_config " + where + " order by network_id, config_index");
        if (rows.size() == 1) {
            query = query.param(rows.get(0).id);
        }
        query.query(rs -> {
            configs.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new IpamConfig(rs.getString(2),
                    rs.getString(3), rs.getString(4), map(rs.getString(5)), rs.getBoolean(6),
                    rs.getBoolean(7)));
        });
        List<Network> networks = new ArrayList<>(rows.size());
        for (PartialNetwork row : rows) {
            networks.add(row.complete(configs.getOrDefault(row.id, List.of())));
        }
        return networks;
    }

    private PartialNetwork row(java.sql.ResultSet rs, int index) throws java.sql.SQLException {
        String ipamOptions = rs.getString(14);
        return new PartialNetwork(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                instant(rs.getLong(5)), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9),
                rs.getString(10), rs.getBoolean(11), rs.getBoolean(12), rs.getString(13),
                ipamOptions == null ? null : map(ipamOptions), map(rs.getString(15)), map(rs.getString(16)));
    }

    /** A stored JSON object of strings, as an immutable map. */
    private Map<String, String> map(String json) {
        Map<String, String> parsed = parsedMaps.get(json);
        if (parsed == null) {
            parsed = Map.copyOf(JSON.readValue(json, STRING_MAP));
            if (parsedMaps.size() < MAX_PARSED_MAPS) {
                parsedMaps.put(json, parsed);
            }
        }
        return parsed;
    }

    private record PartialNetwork(String id, String name, String driver, String scope, Instant created,
                                  boolean internal, boolean attachable, boolean ingress, boolean configOnly,
                                  String configFrom, boolean enableIpv4, boolean enableIpv6, String ipamDriver,
                                  Map<String, String> ipamOptions, Map<String, String> options,
                                  Map<String, String> labels) {
        Network complete(List<IpamConfig> config) {
            return new Network(id, name, driver, scope, created, internal, attachable, ingress, configOnly, configFrom,
                    enableIpv4, enableIpv6, new IpamSettings(ipamDriver, ipamOptions, config), options, labels);
        }
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
