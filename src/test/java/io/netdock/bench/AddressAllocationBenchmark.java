package io.netdock.bench;

import io.netdock.store.StoreFeed;
import com.zaxxer.hikari.HikariDataSource;
import io.netdock.ipam.AddressAllocator;
import io.netdock.ipam.AddressPool;
import io.netdock.ipam.Cidr;
import io.netdock.ipam.Leases;
import io.netdock.ipam.SubnetLayout;
import io.netdock.net.IpAddresses;
import io.netdock.network.Networks;
import io.netdock.network.TestNetworks;
import io.netdock.testing.TestDatabases;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Allocation in an IPv4 /8 and in an IPv6 /64 that already hold 1,000,000 leases each (target: at most 20 µs per
 * allocation). {@code pool}, {@code pool6}: the in-memory bitmap, first free (steady state: each allocation releases
 * the oldest lease); {@code poolSerial}: the /8 handing out addresses in turn (IPAM option
 * {@code com.docker.network.ipam.serial=true}). {@code persisted}, {@code persisted6}: the whole path, bitmap candidate plus the lease row
 * inserted into an embedded H2 database that holds the 1,000,000 leases, through a connection pool as in the
 * application.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AddressAllocationBenchmark {

    static final int LEASES = 1_000_000;
    static final Cidr SLASH_8 = Cidr.parse("10.0.0.0/8");
    static final Cidr SLASH_64 = Cidr.parse("fd00:1::/64");

    @State(Scope.Thread)
    public static class InMemory {
        AddressPool pool;
        ArrayDeque<InetAddress> held = new ArrayDeque<>();

        void fill(Cidr subnet, String gateway) {
            fill(subnet, gateway, false);
        }

        void fill(Cidr subnet, String gateway, boolean serial) {
            pool = new AddressPool(subnet, null, serial);
            pool.reserve(IpAddresses.parseOrNull(gateway));
            for (int i = 0; i < LEASES; i++) {
                InetAddress address = pool.candidate();
                pool.take(address);
                held.add(address);
            }
        }

        @Setup(Level.Trial)
        public void fill() {
            fill(SLASH_8, "10.0.0.1");
        }
    }

    @State(Scope.Thread)
    public static class InMemory6 extends InMemory {
        @Override
        @Setup(Level.Trial)
        public void fill() {
            fill(SLASH_64, "fd00:1::1");
        }
    }

    /** The /8 with the IPAM option {@code com.docker.network.ipam.serial=true}: the cursor goes on after the last. */
    @State(Scope.Thread)
    public static class InMemorySerial extends InMemory {
        @Override
        @Setup(Level.Trial)
        public void fill() {
            fill(SLASH_8, "10.0.0.1", true);
        }
    }

    /** A network holding 1,000,000 leases in an embedded H2 database, and an allocator that has cached them. */
    abstract static class PersistedLeases {
        String network;
        List<SubnetLayout> layout;
        boolean ipv6;
        AddressAllocator allocator;
        long owner;

        /** @param addressSql the SQL expression of lease {@code x}'s address (x from 2) */
        void fill(char id, String subnet, String gateway, String addressSql) {
            network = TestNetworks.id(id);
            Cidr cidr = Cidr.parse(subnet);
            ipv6 = cidr.isIpv6();
            layout = List.of(new SubnetLayout(cidr, null, List.of(IpAddresses.parseOrNull(gateway))));
            HikariDataSource database = new HikariDataSource();
            database.setDataSource(TestDatabases.h2());
            JdbcClient jdbc = JdbcClient.create(database);
            new Networks(jdbc, new DataSourceTransactionManager(database), StoreFeed.unshared())
                    .insert(TestNetworks.bridge(network, "bench-" + id, subnet, gateway));
            jdbc.sql("insert into address_lease (network_id, address, owner_id) select ?, " + addressSql
                    + ", concat('seed-', x) from system_range(2, ?)").params(network, LEASES + 1).update();
            allocator = new AddressAllocator(new Leases(jdbc), new DataSourceTransactionManager(database));
            allocator.allocate(network, layout, ipv6, "warm-cache");
        }

        InetAddress allocate() {
            return allocator.allocate(network, layout, ipv6, "owner-" + owner++);
        }
    }

    @State(Scope.Thread)
    public static class Persisted extends PersistedLeases {
        @Setup(Level.Trial)
        public void fill() {
            fill('a', "10.0.0.0/8", "10.0.0.1", "concat('10.', x / 65536, '.', mod(x / 256, 256), '.', mod(x, 256))");
        }
    }

    /** 1,000,000 IPv6 leases, fd00:1::X:Y with X, Y below 10000 (decimal digits read as hex groups). */
    @State(Scope.Thread)
    public static class Persisted6 extends PersistedLeases {
        @Setup(Level.Trial)
        public void fill() {
            fill('b', "fd00:1::/64", "fd00:1::1", "concat('fd00:1::', x / 10000, ':', mod(x, 10000))");
        }
    }

    @Benchmark
    public InetAddress pool6(InMemory6 state) {
        return pool(state);
    }

    @Benchmark
    public InetAddress persisted6(Persisted6 state) {
        return state.allocate();
    }

    @Benchmark
    public InetAddress pool(InMemory state) {
        InetAddress address = state.pool.candidate();
        state.pool.take(address);
        state.held.add(address);
        state.pool.release(state.held.poll());
        return address;
    }

    @Benchmark
    public InetAddress poolSerial(InMemorySerial state) {
        return pool(state);
    }

    @Benchmark
    public InetAddress persisted(Persisted state) {
        return state.allocate();
    }
}
