package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.endpoint.Endpoints;
import io.netdock.kernel.IpPrefix;
import io.netdock.store.ChangedElsewhere;
import io.netdock.store.StoreFeed;
import io.netdock.testing.TestDatabases.TestDatabase;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The container and endpoint stores on H2 and PostgreSQL: round trips, name uniqueness, reload at start. */
class ContainerStoresIT {

    static Container sample(String id, String name) {
        ContainerConfig config = new ContainerConfig("web", "example.org", "", false, true, true, false, false, false,
                List.of("A=b"), List.of("httpd", "-f"), null, "busybox:latest", "", Map.of("k", "välue"),
                List.of("80/tcp", "53/udp"), null, null, null, Map.of("Volumes", Map.of("/data", Map.of())));
        Map<String, List<PortBindingRequest>> ports = new LinkedHashMap<>();
        ports.put("80/tcp", List.of(new PortBindingRequest("", "18080")));
        HostSettings host = new HostSettings("n1", ports, true, List.of("10.0.0.53"), null, List.of("example.com"),
                List.of("foo:10.0.0.1"), null, false, "no", 0, Map.of("max-size", "1m"), Map.of("CapAdd", List.of("NET_ADMIN"),
                        "Memory", 67108864, "Ulimits", List.of(Map.of("Name", "nofile", "Soft", 1024, "Hard", 2048))));
        Map<String, EndpointConfig> networks = new LinkedHashMap<>();
        networks.put("n1", new EndpointConfig("10.71.0.10", null, null, null, List.of("web"), null, null, 2));
        return new Container(id, name, Instant.parse("2026-11-28T17:17:05.000000001Z"), "sha256:" + "c".repeat(64), config, host, networks,
                List.of(new Link("f".repeat(64), "db")), ContainerState.created().started(Instant.parse(
                        "2026-11-28T17:18:00.123456789Z")), 1, "s".repeat(64), "/run/netns/ssss", List.of("10.71.0.10"));
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void containersRoundTripAndNamesAreUniqueAcrossProcesses(TestDatabase kind) {
        DataSource database = kind.create();
        Containers first = new Containers(JdbcClient.create(database), new DataSourceTransactionManager(database), StoreFeed.unshared());
        Container stored = sample("a".repeat(64), "web-1");
        first.insert(stored);
        Containers second = new Containers(JdbcClient.create(database), new DataSourceTransactionManager(database), StoreFeed.unshared());
        assertThat(second.byName("web-1")).contains(stored);
        assertThatThrownBy(() -> second.insert(sample("b".repeat(64), "web-1")))
                .isInstanceOf(ContainerNameInUse.class)
                .hasMessageContaining("\"/web-1\" is already in use by container \"" + "a".repeat(64) + "\"");
        Container renamed = stored.withName("web-2");
        second.update(renamed);
        assertThat(second.byName("web-1")).isEmpty();
        first.reload(stored.id());
        assertThat(first.byId(stored.id())).contains(renamed);
        second.delete(stored.id());
        assertThat(new Containers(JdbcClient.create(database), new DataSourceTransactionManager(database), StoreFeed.unshared()).all())
                .isEmpty();
    }

    /** A name conflict inside a transaction (create, rename) is a 409, and the transaction goes on. */
    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void aNameConflictInsideATransactionNamesTheHolderAndLeavesTheTransactionUsable(TestDatabase kind) {
        DataSource database = kind.create();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        Containers containers = new Containers(JdbcClient.create(database), transactions, StoreFeed.unshared());
        containers.insert(sample("a".repeat(64), "web-1"));
        containers.insert(sample("b".repeat(64), "web-2"));

        List<Container> after = new TransactionTemplate(transactions).execute(status -> {
            assertThatThrownBy(() -> containers.insert(sample("c".repeat(64), "web-1")))
                    .isInstanceOf(ContainerNameInUse.class).hasMessageContaining("a".repeat(64));
            assertThatThrownBy(() -> containers.update(sample("b".repeat(64), "web-1")))
                    .isInstanceOf(ContainerNameInUse.class).hasMessageContaining("a".repeat(64));
            containers.update(sample("b".repeat(64), "web-3"));
            return new Containers(JdbcClient.create(database), transactions, StoreFeed.unshared()).all();
        });

        assertThat(after).extracting(Container::name).containsExactlyInAnyOrder("web-1", "web-3");
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void endpointsRoundTripAndAreOnePerContainerAndNetwork(TestDatabase kind) throws Exception {
        DataSource database = kind.create();
        insertNetwork(database, "n".repeat(64));
        Endpoints endpoints = new Endpoints(JdbcClient.create(database), StoreFeed.unshared());
        Endpoint endpoint = new Endpoint("a".repeat(64), "n".repeat(64), "n1", "e".repeat(64), "eth0",
                "02:42:0a:47:00:0a", new IpPrefix(InetAddress.getByName("10.71.0.10"), 24),
                InetAddress.getByName("10.71.0.1"), new IpPrefix(InetAddress.getByName("fd00:71::a"), 64),
                InetAddress.getByName("fd00:71::1"), true, 7);
        endpoints.insert(endpoint);
        Endpoints reread = new Endpoints(JdbcClient.create(database), StoreFeed.unshared());
        assertThat(reread.ofContainer("a".repeat(64))).containsExactly(endpoint);
        assertThat(reread.onNetwork("n".repeat(64))).containsExactly(endpoint);
        assertThatThrownBy(() -> reread.insert(endpoint)).isInstanceOf(DuplicateKeyException.class);
        reread.delete(endpoint);
        assertThat(new Endpoints(JdbcClient.create(database), StoreFeed.unshared()).ofContainer("a".repeat(64))).isEmpty();
    }

    /**
     * Another netdock removed the network: the endpoint's foreign key refuses it as a change made elsewhere (the
     * operation runs again once caught up and then answers "network not found": SameContainerTwoNetdocksIT).
     */
    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void anEndpointOnARemovedNetworkIsRefused(TestDatabase kind) throws Exception {
        DataSource database = kind.create();
        Endpoints endpoints = new Endpoints(JdbcClient.create(database), StoreFeed.unshared());
        Endpoint endpoint = new Endpoint("a".repeat(64), "9".repeat(64), "gone", "e".repeat(64), "eth0",
                "02:42:0a:47:00:0a", new IpPrefix(InetAddress.getByName("10.71.0.10"), 24),
                InetAddress.getByName("10.71.0.1"), null, null, true, 7);
        assertThatThrownBy(() -> endpoints.insert(endpoint)).isInstanceOf(ChangedElsewhere.class)
                .hasMessageContaining("network " + "9".repeat(64));
        assertThat(endpoints.ofContainer("a".repeat(64))).isEmpty();
    }

    private static void insertNetwork(DataSource database, String id) {
        JdbcClient.create(database).sql("insert into network (id, name, driver, network_scope, created_nanos, "
                        + "is_internal, is_attachable, is_ingress, config_only, enable_ipv4, enable_ipv6, ipam_driver, "
                        + "driver_options, labels) values (?, ?, 'bridge', 'local', 0, false, false, false, false, true, "
                        + "false, 'default', '{}', '{}')")
                .params(id, "n1").update();
    }
}
