package io.netdock.network;

import io.netdock.store.StoreFeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.ipam.Cidr;
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
import org.springframework.transaction.support.TransactionTemplate;

/** The network store on H2 and PostgreSQL: every field round-trips, names and reserved subnets are unique. */
class NetworksStoreIT {

    private static Networks networksIn(DataSource database) {
        return new Networks(JdbcClient.create(database), new DataSourceTransactionManager(database), StoreFeed.unshared());
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void everyFieldRoundTripsFaithfully(TestDatabase kind) {
        Network stored = new Network(TestNetworks.id('b'), "réseau-😀 \"quoted\"", "bridge", "local",
                Instant.parse("2026-11-28T17:17:05.000000001Z"), true, true, false, false, "", true, true,
                new IpamSettings("default", Map.of("opt", "v"), List.of(
                        new IpamConfig("10.71.0.0/24", "10.71.0.128/25", "10.71.0.1", Map.of("a", "10.71.0.2"),
                                true, true),
                        new IpamConfig("fd00:71::/64", null, "fd00:71::1", Map.of(), true, false))),
                Map.of("com.docker.network.bridge.name", "nwbr1", "x", "ünï\u0000code"),
                Map.of("label", "värde", "emoji 🐳", "", "k=v", "with\nnewline"));
        DataSource database = kind.create();
        networksIn(database).insert(stored);
        Networks readBack = networksIn(database);
        assertThat(readBack.findAll()).containsExactly(stored);
        assertThat(readBack.findById(stored.id())).contains(stored);
        assertThat(readBack.findByName("réseau-😀 \"quoted\"")).contains(stored);
        assertThat(readBack.findByIdPrefix("bbbb")).containsExactly(stored);
        assertThat(readBack.findByIdPrefix("b%")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void nullIpamOptionsStayNull(TestDatabase kind) {
        DataSource database = kind.create();
        Networks networks = networksIn(database);
        Network network = TestNetworks.bridge(TestNetworks.id('c'), "n", "10.1.0.0/24", "10.1.0.1");
        networks.insert(network);
        assertThat(networksIn(database).findById(network.id()).orElseThrow().ipam().options()).isNull();
        assertThat(networks.delete(network.id())).isTrue();
        assertThat(networks.findById(network.id())).isEmpty();
        assertThat(networksIn(database).findById(network.id())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void namesAndHeldSubnetsAreUniqueInTheDatabase(TestDatabase kind) {
        DataSource database = kind.create();
        Networks networks = new Networks(JdbcClient.create(database), new DataSourceTransactionManager(database), StoreFeed.unshared());
        networks.insert(TestNetworks.bridge(TestNetworks.id('1'), "same", "10.1.0.0/24", "10.1.0.1"));
        assertThatThrownBy(() -> networks.insert(
                TestNetworks.bridge(TestNetworks.id('2'), "same", "10.2.0.0/24", "10.2.0.1")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> networks.insert(
                TestNetworks.bridge(TestNetworks.id('3'), "other", "10.1.0.0/24", "10.1.0.1")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(networks.findAll()).hasSize(1);
        assertThat(networksIn(database).findAll()).hasSize(1);
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

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void theSubnetsNetworksHoldAreFoundByOverlap(TestDatabase kind) {
        Networks networks = networksIn(kind.create());
        networks.insert(TestNetworks.bridge(TestNetworks.id('1'), "a", "10.1.0.0/24", "10.1.0.1"));
        networks.insert(TestNetworks.bridge(TestNetworks.id('2'), "b", "10.1.4.0/22", "10.1.4.1"));
        Network v6 = TestNetworks.bridge(TestNetworks.id('3'), "c", "fd00:1::/64", "fd00:1::1");
        networks.insert(new Network(v6.id(), v6.name(), v6.driver(), v6.scope(), v6.created(), false, false, false,
                false, "", false, true, v6.ipam(), Map.of(), Map.of()));
        networks.insert(TestNetworks.bridge(TestNetworks.id('4'), "d", "255.255.255.0/24", "255.255.255.1"));
        assertThat(networks.reservedOverlapping(Cidr.parse("10.1.0.128/25"))).contains(Cidr.parse("10.1.0.0/24"));
        assertThat(networks.reservedOverlapping(Cidr.parse("10.0.0.0/8"))).as("the one that ends first")
                .contains(Cidr.parse("10.1.0.0/24"));
        assertThat(networks.reservedOverlapping(Cidr.parse("10.1.6.0/24"))).contains(Cidr.parse("10.1.4.0/22"));
        assertThat(networks.reservedOverlapping(Cidr.parse("10.1.1.0/24"))).isEmpty();
        assertThat(networks.reservedOverlapping(Cidr.parse("10.1.3.0/24"))).isEmpty();
        assertThat(networks.reservedOverlapping(Cidr.parse("10.1.8.0/24"))).isEmpty();
        assertThat(networks.reservedOverlapping(Cidr.parse("0.0.0.0/0"))).contains(Cidr.parse("10.1.0.0/24"));
        assertThat(networks.reservedOverlapping(Cidr.parse("255.255.255.255/32")))
                .contains(Cidr.parse("255.255.255.0/24"));
        assertThat(networks.reservedOverlapping(Cidr.parse("fd00::/16"))).contains(Cidr.parse("fd00:1::/64"));
        assertThat(networks.reservedOverlapping(Cidr.parse("fd00:2::/64"))).isEmpty();
        assertThat(networks.reservedOverlapping(Cidr.parse("::/0"))).as("IPv4 subnets never overlap IPv6 ones")
                .contains(Cidr.parse("fd00:1::/64"));
        networks.delete(TestNetworks.id('1'));
        assertThat(networks.reservedOverlapping(Cidr.parse("10.0.0.0/8"))).contains(Cidr.parse("10.1.4.0/22"));
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void rowsStoredBeforeTheReservedRangesGetThemAtStart(TestDatabase kind) {
        DataSource database = kind.create();
        networksIn(database).insert(TestNetworks.bridge(TestNetworks.id('1'), "a", "10.1.0.0/24", "10.1.0.1"));
        JdbcClient.create(database).sql("update network_ipam_config set reserved_first = null, reserved_last = null")
                .update();
        assertThat(networksIn(database).reservedOverlapping(Cidr.parse("10.1.0.0/16")))
                .contains(Cidr.parse("10.1.0.0/24"));
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void memoryFollowsCommitsOnly(TestDatabase kind) {
        DataSource database = kind.create();
        Networks networks = networksIn(database);
        Network network = TestNetworks.bridge(TestNetworks.id('1'), "a", "10.1.0.0/24", "10.1.0.1");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        transaction.executeWithoutResult(status -> {
            networks.insert(network);
            status.setRollbackOnly();
        });
        assertThat(networks.findAll()).isEmpty();
        assertThat(networks.existsWithName("a")).isFalse();
        networks.insert(network);
        transaction.executeWithoutResult(status -> {
            networks.delete(network.id());
            status.setRollbackOnly();
        });
        assertThat(networks.findAll()).containsExactly(network);
        assertThat(networksIn(database).findAll()).containsExactly(network);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void networksAnotherProcessStoredAreFoundByIdNameAndPrefix(TestDatabase kind) {
        DataSource database = kind.create();
        Networks other = networksIn(database);
        Networks byName = networksIn(database);
        Networks byId = networksIn(database);
        Networks byPrefix = networksIn(database);
        Networks byBridge = networksIn(database);
        Network network = TestNetworks.bridge(TestNetworks.id('e'), "theirs", "10.1.0.0/24", "10.1.0.1");
        other.insert(network);
        assertThat(byName.findByName("theirs")).contains(network);
        assertThat(byName.findAll()).as("remembered once found").containsExactly(network);
        assertThat(byId.findById(network.id())).contains(network);
        assertThat(byPrefix.findByIdPrefix("eee")).containsExactly(network);
        assertThat(byBridge.findIdByBridgeName("br-eeeeeeeeeeee")).contains(network.id());
        assertThat(byBridge.reservedOverlapping(Cidr.parse("10.1.0.0/16"))).contains(Cidr.parse("10.1.0.0/24"));
    }

    private static Network withBridgeName(Network network, String bridgeName) {
        return new Network(network.id(), network.name(), network.driver(), network.scope(), network.created(),
                network.internal(), network.attachable(), network.ingress(), network.configOnly(),
                network.configFrom(), network.enableIpv4(), network.enableIpv6(), network.ipam(),
                Map.of("com.docker.network.bridge.name", bridgeName), network.labels());
    }
}
