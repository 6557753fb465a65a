package io.netdock.portmap;

import io.netdock.store.StoreFeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.kernel.simulated.SimulatedKernel;
import io.netdock.testing.TestDatabases.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Port allocation on H2 and PostgreSQL: two netdock processes on one database never share a host port. */
class PortMapperStoreIT {

    private static PortMapper mapperOn(DataSource database, String range) {
        return new PortMapper(new PortBindings(JdbcClient.create(database), StoreFeed.unshared()),
                new BridgeDriver(new SimulatedKernel("/tmp/netns")), new DataSourceTransactionManager(database),
                new PortProperties(range));
    }

    private static List<PortBinding> publish(DataSource database, PortMapper mapper, String container,
                                             PortRequest request) {
        return new TransactionTemplate(new DataSourceTransactionManager(database)).execute(status ->
                mapper.publish(container, container + " (ep-" + container + ")", "ep-" + container, "docker0",
                        "172.17.0.2", "", List.of(request)));
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void twoProcessesCountUpwardAndNeverShareAPort(TestDatabase kind) {
        DataSource database = kind.create();
        PortMapper first = mapperOn(database, "40000-40003");
        PortMapper second = mapperOn(database, "40000-40003");
        PortRequest any = new PortRequest("80/tcp", 80, "tcp", List.of("0.0.0.0", "::"), 0, 0);

        List<PortBinding> a = publish(database, first, "a", any);
        List<PortBinding> b = publish(database, second, "b", any);
        List<PortBinding> c = publish(database, first, "c", any);

        assertThat(a).extracting(PortBinding::hostPort).containsExactly(40000, 40000);
        assertThat(a).extracting(PortBinding::hostIp).containsExactly("0.0.0.0", "::");
        assertThat(b).extracting(PortBinding::hostPort).containsOnly(40001);
        assertThat(c).extracting(PortBinding::hostPort).containsOnly(40002);
        assertThat(JdbcClient.create(database).sql("select count(*) from port_binding").query(Integer.class).single())
                .isEqualTo(6);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void aTakenFixedPortIsDockersErrorAndNothingIsKept(TestDatabase kind) {
        DataSource database = kind.create();
        PortMapper first = mapperOn(database, "40000-40003");
        PortMapper second = mapperOn(database, "40000-40003");
        PortRequest fixed = new PortRequest("80/tcp", 80, "tcp", List.of("0.0.0.0", "::"), 18282, 18282);
        publish(database, first, "a", fixed);

        assertThatThrownBy(() -> publish(database, second, "b", fixed))
                .hasMessage("failed to set up container networking: driver failed programming external connectivity "
                        + "on endpoint b (ep-b): Bind for 0.0.0.0:18282 failed: port is already allocated");
        assertThat(second.ofContainer("b")).isEmpty();
        PortRequest otherAddress = new PortRequest("80/tcp", 80, "tcp", List.of("127.0.0.1"), 18282, 18282);
        assertThat(publish(database, second, "b", otherAddress)).extracting(PortBinding::hostPort).containsExactly(18282);

        new TransactionTemplate(new DataSourceTransactionManager(database))
                .executeWithoutResult(status -> first.unpublish("a"));
        assertThat(publish(database, mapperOn(database, "40000-40003"), "c", fixed)).hasSize(2);
    }

    /** The second process read the bindings at its start; the first has given the ports back since. */
    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void portsAnotherProcessGaveBackAreFreeAlthoughThisProcessSawThemTaken(TestDatabase kind) {
        DataSource database = kind.create();
        PortMapper first = mapperOn(database, "40000-40000");
        PortRequest fixed = new PortRequest("80/tcp", 80, "tcp", List.of("0.0.0.0", "::"), 18283, 18283);
        PortRequest any = new PortRequest("53/udp", 53, "udp", List.of("0.0.0.0"), 0, 0);
        publish(database, first, "a", fixed);
        publish(database, first, "b", any);
        PortMapper second = mapperOn(database, "40000-40000");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        transaction.executeWithoutResult(status -> first.unpublish("a"));
        transaction.executeWithoutResult(status -> first.unpublish("b"));

        // were: "port is already allocated" and "all ports are allocated", from the second's stale index
        assertThat(publish(database, second, "c", fixed)).extracting(PortBinding::hostPort).containsOnly(18283);
        assertThat(publish(database, second, "d", any)).extracting(PortBinding::hostPort).containsOnly(40000);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void anExhaustedRangeIsAnError(TestDatabase kind) {
        DataSource database = kind.create();
        PortMapper mapper = mapperOn(database, "40000-40001");
        PortRequest any = new PortRequest("53/udp", 53, "udp", List.of("0.0.0.0"), 0, 0);
        publish(database, mapper, "a", any);
        publish(database, mapper, "b", any);
        assertThatThrownBy(() -> publish(database, mapper, "c", any)).hasMessageContaining("all ports are allocated");
    }
}
