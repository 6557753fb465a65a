package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The network store on H2 and PostgreSQL: every field round-trips, names and reserved subnets are unique. */
class NetworksStoreIT {

    private static Networks networksIn(DataSource database) {
        return new Networks(JdbcClient.create(database), new DataSourceTransactionManager(database));
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void everyFieldRoundTripsFaithfully(TestDatabase kind) {
        Networks networks = networksIn(kind.create());
        Network stored = new Network(TestNetworks.id('b'), "réseau-😀 \"quoted\"", "bridge", "local",
                Instant.parse("2026-11-28T17:17:05.000000001Z"), true, true, false, false, "", true, true,
                new IpamSettings("default", Map.of("opt", "v"), List.of(
                        new IpamConfig("10.71.0.0/24", "10.71.0.128/25", "10.71.0.1", Map.of("a", "10.71.0.2"),
                                true, true),
                        new IpamConfig("fd00:71::/64", null, "fd00:71::1", Map.of(), true, false))),
                Map.of("com.docker.network.bridge.name", "nwbr1", "x", "ünï\u0000code"),
                Map.of("label", "värde", "emoji 🐳", "", "k=v", "with\nnewline"));
        networks.insert(stored);
        assertThat(networks.findById(stored.id())).contains(stored);
        assertThat(networks.findByName("réseau-😀 \"quoted\"")).contains(stored);
        assertThat(networks.findByIdPrefix("bbbb")).containsExactly(stored);
        assertThat(networks.findByIdPrefix("b%")).isEmpty();
        assertThat(networks.findAll()).containsExactly(stored);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void nullIpamOptionsStayNull(TestDatabase kind) {
        Networks networks = networksIn(kind.create());
        Network network = TestNetworks.bridge(TestNetworks.id('c'), "n", "10.1.0.0/24", "10.1.0.1");
        networks.insert(network);
        assertThat(networks.findById(network.id()).orElseThrow().ipam().options()).isNull();
        assertThat(networks.delete(network.id())).isTrue();
        assertThat(networks.findById(network.id())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void namesAndHeldSubnetsAreUniqueInTheDatabase(TestDatabase kind) {
        DataSource database = kind.create();
        Networks networks = new Networks(JdbcClient.create(database), new DataSourceTransactionManager(database));
        networks.insert(TestNetworks.bridge(TestNetworks.id('1'), "same", "10.1.0.0/24", "10.1.0.1"));
        assertThatThrownBy(() -> networks.insert(
                TestNetworks.bridge(TestNetworks.id('2'), "same", "10.2.0.0/24", "10.2.0.1")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> networks.insert(
                TestNetworks.bridge(TestNetworks.id('3'), "other", "10.1.0.0/24", "10.1.0.1")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(networks.findAll()).hasSize(1);
        assertThat(networks.reservedSubnets()).containsExactly("10.1.0.0/24");
        assertThat(networks.findIdByBridgeName("br-111111111111")).contains(TestNetworks.id('1'));
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void twoNetworksNeverShareABridge(TestDatabase kind) {
        Networks networks = networksIn(kind.create());
        Network first = TestNetworks.bridge(TestNetworks.id('1'), "one", "10.1.0.0/24", "10.1.0.1");
        Network second = TestNetworks.bridge(TestNetworks.id('2'), "two", "10.2.0.0/24", "10.2.0.1");
        networks.insert(withBridgeName(first, "shared"));
        assertThatThrownBy(() -> networks.insert(withBridgeName(second, "shared")))
                .isInstanceOf(DuplicateKeyException.class);
        networks.insert(second);
        assertThat(networks.findIdByBridgeName("shared")).contains(first.id());
    }

    private static Network withBridgeName(Network network, String bridgeName) {
        return new Network(network.id(), network.name(), network.driver(), network.scope(), network.created(),
                network.internal(), network.attachable(), network.ingress(), network.configOnly(),
                network.configFrom(), network.enableIpv4(), network.enableIpv6(), network.ipam(),
                Map.of("com.docker.network.bridge.name", bridgeName), network.labels());
    }
}
