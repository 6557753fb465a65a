package io.netdock.ipam;

import io.netdock.store.StoreFeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.net.IpAddresses;
import io.netdock.network.Networks;
import io.netdock.network.TestNetworks;
import io.netdock.testing.TestDatabases.TestDatabase;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Leases in the database on H2 and PostgreSQL: restarts and two netdock processes never hand out an address twice. */
class AddressAllocatorStoreIT {

    private static final String NETWORK = TestNetworks.id('a');
    private static final List<SubnetLayout> LAYOUT = List.of(new SubnetLayout(Cidr.parse("10.9.0.0/24"), null,
            List.of(IpAddresses.parseOrNull("10.9.0.1"))));

    private static AddressAllocator allocator(DataSource database) {
        return new AddressAllocator(new Leases(JdbcClient.create(database)), new DataSourceTransactionManager(database));
    }

    private static DataSource databaseWithNetwork(TestDatabase kind) {
        DataSource database = kind.create();
        new Networks(JdbcClient.create(database), new DataSourceTransactionManager(database), StoreFeed.unshared()).insert(TestNetworks.bridge(NETWORK, "n", "10.9.0.0/24", "10.9.0.1"));
        return database;
    }

    private static InetAddress ip(String text) {
        return IpAddresses.parseOrNull(text);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void leasesSurviveARestartAndAreNeverHandedOutTwice(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        AddressAllocator first = allocator(database);
        assertThat(first.allocate(NETWORK, LAYOUT, false, "ep1")).isEqualTo(ip("10.9.0.2"));
        assertThat(first.allocate(NETWORK, LAYOUT, false, "ep2")).isEqualTo(ip("10.9.0.3"));
        first.claim(NETWORK, LAYOUT, ip("10.9.0.50"), "ep3");

        AddressAllocator restarted = allocator(database);
        assertThat(restarted.allocate(NETWORK, LAYOUT, false, "ep4")).as("the lowest address no lease holds")
                .isEqualTo(ip("10.9.0.4"));
        assertThatThrownBy(() -> restarted.claim(NETWORK, LAYOUT, ip("10.9.0.3"), "ep5"))
                .isInstanceOf(AddressInUse.class).hasMessage("Address already in use");
        assertThatThrownBy(() -> restarted.claim(NETWORK, LAYOUT, ip("10.9.0.1"), "ep5"))
                .as("the gateway").isInstanceOf(AddressInUse.class);
        assertThatThrownBy(() -> restarted.claim(NETWORK, LAYOUT, ip("10.9.0.255"), "ep5"))
                .as("the broadcast address").isInstanceOf(AddressInUse.class);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void releaseFreesTheOwnersAddressesAndIsIdempotent(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        AddressAllocator allocator = allocator(database);
        InetAddress address = allocator.allocate(NETWORK, LAYOUT, false, "ep1");
        assertThat(allocator.release(NETWORK, "ep1")).containsExactly(address);
        assertThat(allocator.release(NETWORK, "ep1")).isEmpty();
        allocator.claim(NETWORK, LAYOUT, address, "ep2");
        assertThat(new Leases(JdbcClient.create(database)).ofOwner(NETWORK, "ep2")).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void heldAddressesAreTheOwnersCommittedLeases(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        AddressAllocator allocator = allocator(database);
        InetAddress first = allocator.allocate(NETWORK, LAYOUT, false, "ep1");
        assertThat(allocator.held(NETWORK, LAYOUT, "ep1")).containsExactly(first);
        assertThat(allocator.held(NETWORK, LAYOUT, "ep2")).isEmpty();
        assertThat(allocator(database).held(NETWORK, LAYOUT, "ep1")).as("after a restart").containsExactly(first);
        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status -> {
            allocator.allocate(NETWORK, LAYOUT, false, "ep3");
            status.setRollbackOnly();
        });
        assertThat(allocator.held(NETWORK, LAYOUT, "ep3")).as("a lease rolled back").isEmpty();
        AddressAllocator restarted = allocator(database);
        assertThat(restarted.release(NETWORK, "ep1")).as("before the cache is built").containsExactly(first);
        assertThat(new Leases(JdbcClient.create(database)).ofOwner(NETWORK, "ep1")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void leasesOfARolledBackTransactionAreFreeInTheCacheToo(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        AddressAllocator allocator = allocator(database);
        allocator.allocate(NETWORK, LAYOUT, false, "kept");
        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status -> {
            allocator.allocate(NETWORK, LAYOUT, false, "undone");
            allocator.claim(NETWORK, LAYOUT, ip("10.9.0.77"), "undone-static");
            status.setRollbackOnly();
        });
        assertThat(allocator.cacheDisagreements(NETWORK)).isEmpty();
        assertThat(allocator.allocate(NETWORK, LAYOUT, false, "next")).as("the rolled-back address is handed out again")
                .isEqualTo(ip("10.9.0.3"));
        allocator.claim(NETWORK, LAYOUT, ip("10.9.0.77"), "static");

        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status -> {
            allocator.release(NETWORK, "kept");
            InetAddress leasedAndReleased = allocator.allocate(NETWORK, LAYOUT, false, "brief");
            allocator.release(NETWORK, "brief");
            assertThat(leasedAndReleased).isEqualTo(ip("10.9.0.4"));
            status.setRollbackOnly();
        });
        assertThat(allocator.cacheDisagreements(NETWORK)).isEmpty();
        assertThat(allocator.held(NETWORK, LAYOUT, "kept")).as("a rolled-back release").containsExactly(ip("10.9.0.2"));
        allocator.claim(NETWORK, LAYOUT, ip("10.9.0.4"), "static-after");
        assertThat(allocator.cacheDisagreements(NETWORK)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void twoProcessesSharingTheDatabaseSkipEachOthersLeases(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        AddressAllocator one = allocator(database);
        AddressAllocator two = allocator(database);
        Set<InetAddress> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            assertThat(seen.add(one.allocate(NETWORK, LAYOUT, false, "one-" + i))).isTrue();
            assertThat(seen.add(two.allocate(NETWORK, LAYOUT, false, "two-" + i))).isTrue();
        }
        assertThat(seen).hasSize(40);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void concurrentAllocationsFromTwoProcessesAreAllDistinct(TestDatabase kind) throws Exception {
        DataSource database = databaseWithNetwork(kind);
        AddressAllocator[] processes = {allocator(database), allocator(database)};
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<InetAddress>> work = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                AddressAllocator process = processes[i % 2];
                String owner = "ep-" + i;
                work.add(() -> process.allocate(NETWORK, LAYOUT, false, owner));
            }
            Set<InetAddress> addresses = new HashSet<>();
            for (Future<InetAddress> result : threads.invokeAll(work)) {
                addresses.add(result.get());
            }
            assertThat(addresses).hasSize(120);
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void aLostRaceInsideACallersTransactionDoesNotSpoilIt(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        AddressAllocator stale = allocator(database);
        assertThat(stale.allocate(NETWORK, LAYOUT, false, "warm-up")).isEqualTo(ip("10.9.0.2"));
        allocator(database).allocate(NETWORK, LAYOUT, false, "other-process");
        TransactionTemplate caller = new TransactionTemplate(new DataSourceTransactionManager(database));
        InetAddress got = caller.execute(status -> {
            InetAddress address = stale.allocate(NETWORK, LAYOUT, false, "mine");
            JdbcClient.create(database).sql("select count(*) from address_lease").query(Long.class).single();
            return address;
        });
        assertThat(got).isEqualTo(ip("10.9.0.4"));
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void aLeaseOnAVanishedNetworkIsNotFound(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        String gone = TestNetworks.id('e');
        assertThatThrownBy(() -> allocator(database).allocate(gone, LAYOUT, false, "ep"))
                .hasMessage("network " + gone + " not found");
    }

    /** The second process saw the only address taken; the first has released it since: the database decides. */
    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void anAddressAnotherProcessReleasedCanBeHadAlthoughThisProcessSawItTaken(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        List<SubnetLayout> tiny = List.of(new SubnetLayout(Cidr.parse("10.9.0.0/30"), null, List.of(ip("10.9.0.1"))));
        AddressAllocator first = allocator(database);
        AddressAllocator second = allocator(database);
        assertThat(first.allocate(NETWORK, tiny, false, "ep1")).isEqualTo(ip("10.9.0.2"));
        assertThatThrownBy(() -> second.allocate(NETWORK, tiny, false, "ep2")).isInstanceOf(AddressesExhausted.class);
        first.release(NETWORK, "ep1");

        second.claim(NETWORK, tiny, ip("10.9.0.2"), "ep3");
        second.release(NETWORK, "ep3");
        assertThat(first.allocate(NETWORK, tiny, false, "ep4")).isEqualTo(ip("10.9.0.2"));
        assertThatThrownBy(() -> second.claim(NETWORK, tiny, ip("10.9.0.2"), "ep5")).isInstanceOf(AddressInUse.class);
        first.release(NETWORK, "ep4");
        assertThat(second.allocate(NETWORK, tiny, false, "ep6")).isEqualTo(ip("10.9.0.2"));
        assertThatThrownBy(() -> second.claim(NETWORK, tiny, ip("10.9.0.1"), "ep7")).as("the gateway")
                .isInstanceOf(AddressInUse.class);
        assertThatThrownBy(() -> second.claim(NETWORK, tiny, ip("10.9.0.3"), "ep7")).as("the broadcast address")
                .isInstanceOf(AddressInUse.class);
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void exhaustionIsReported(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        List<SubnetLayout> tiny = List.of(new SubnetLayout(Cidr.parse("10.9.0.0/30"), null,
                List.of(ip("10.9.0.1"))));
        AddressAllocator allocator = allocator(database);
        assertThat(allocator.allocate(NETWORK, tiny, false, "ep1")).isEqualTo(ip("10.9.0.2"));
        assertThatThrownBy(() -> allocator.allocate(NETWORK, tiny, false, "ep2"))
                .isInstanceOf(AddressesExhausted.class).hasMessage("no available addresses on this pool");
    }

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void aSerialNetworkContinuesAfterItsHighestLeaseWhenRestarted(TestDatabase kind) {
        DataSource database = databaseWithNetwork(kind);
        List<SubnetLayout> serial = List.of(new SubnetLayout(Cidr.parse("10.9.0.0/24"), null,
                List.of(ip("10.9.0.1")), true));
        AddressAllocator first = allocator(database);
        assertThat(first.allocate(NETWORK, serial, false, "ep1")).isEqualTo(ip("10.9.0.2"));
        assertThat(first.allocate(NETWORK, serial, false, "ep2")).isEqualTo(ip("10.9.0.3"));
        first.release(NETWORK, "ep1");
        assertThat(first.allocate(NETWORK, serial, false, "ep3")).as("not the released .2").isEqualTo(ip("10.9.0.4"));

        AddressAllocator restarted = allocator(database);
        assertThat(restarted.allocate(NETWORK, serial, false, "ep4")).isEqualTo(ip("10.9.0.5"));
        assertThat(allocator(database).allocate(NETWORK, LAYOUT, false, "ep5")).as("first free, same leases")
                .isEqualTo(ip("10.9.0.2"));
    }
}
