package io.netdock.network;

import io.netdock.ipam.Cidr;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@link Networks}: a network as one {@code network} row plus its {@code network_ipam_config} rows. */
final class NetworkRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, name, driver, network_scope, created_nanos, is_internal, is_attachable, "
            + "is_ingress, config_only, config_from, enable_ipv4, enable_ipv6, ipam_driver, ipam_options, "
            + "driver_options, labels";

    private final JdbcClient jdbc;

    NetworkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Network network) {
        jdbc.sql("insert into network (" + COLUMNS + ", bridge_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(network.id(), network.name(), network.driver(), network.scope(),
                        Networks.nanos(network.created()), network.internal(), network.attachable(), network.ingress(),
                        network.configOnly(), network.configFrom(), network.enableIpv4(), network.enableIpv6(),
                        network.ipam().driver(),
                        network.ipam().options() == null ? null : JSON.writeValueAsString(network.ipam().options()),
                        JSON.writeValueAsString(network.options()), JSON.writeValueAsString(network.labels()),
                        network.isBridge() ? network.bridge().bridgeName() : null)
                .update();
        List<IpamConfig> active = network.activeConfig();
        int index = 0;
        for (IpamConfig config : network.ipam().config()) {
            Cidr reserved = active.contains(config) ? config.subnetCidr().masked() : null;
            jdbc.sql("insert into network_ipam_config (network_id, config_index, subnet, ip_range, gateway, "
                            + "aux_addresses, user_subnet, gateway_shown, reserved_subnet, reserved_first, reserved_last) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(network.id(), index++, config.subnet(), config.ipRange(), config.gateway(),
                            JSON.writeValueAsString(config.auxiliaryAddresses()), config.userSubnet(),
                            config.gatewayShown(), reserved == null ? null : reserved.toString(),
                            reserved == null ? null : SubnetRangeKeys.first(reserved),
                            reserved == null ? null : SubnetRangeKeys.last(reserved))
                    .update();
        }
    }

    void showGateways(String networkId) {
        jdbc.sql("update network_ipam_config set gateway_shown = true where network_id = ?").param(networkId).update();
    }

    boolean delete(String id) {
        jdbc.sql("delete from network_ipam_config where network_id = ?").param(id).update();
        return jdbc.sql("delete from network where id = ?").param(id).update() == 1;
    }

    /** Networks matching {@code where} (SQL over the network table, "" for all), oldest first. */
    List<Network> select(String where, List<Object> params) {
        List<PartialNetwork> found = jdbc.sql("select " + COLUMNS + " from network " + where
                        + " order by created_nanos, id")
                .params(params).query(NetworkRows::row).list();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, List<IpamConfig>> configs = new LinkedHashMap<>();
        boolean one = found.size() == 1;
        var query = jdbc.sql("select network_id, subnet, ip_range, gateway, aux_addresses, user_subnet, gateway_shown "
                + "from network_ipam_config " + (one ? "where network_id = ? " : "") + "order by network_id, config_index");
        if (one) {
            query = query.param(found.get(0).id);
        }
        query.query(rs -> {
            configs.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new IpamConfig(rs.getString(2),
                    rs.getString(3), rs.getString(4), JSON.readValue(rs.getString(5), STRING_MAP), rs.getBoolean(6),
                    rs.getBoolean(7)));
        });
        List<Network> networks = new ArrayList<>(found.size());
        for (PartialNetwork row : found) {
            networks.add(row.complete(configs.getOrDefault(row.id, List.of())));
        }
        return networks;
    }

    private static PartialNetwork row(ResultSet rs, int index) throws SQLException {
        String ipamOptions = rs.getString(14);
        return new PartialNetwork(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Networks.instant(rs.getLong(5)), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9),
                rs.getString(10), rs.getBoolean(11), rs.getBoolean(12), rs.getString(13),
                ipamOptions == null ? null : JSON.readValue(ipamOptions, STRING_MAP),
                JSON.readValue(rs.getString(15), STRING_MAP), JSON.readValue(rs.getString(16), STRING_MAP));
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
}
