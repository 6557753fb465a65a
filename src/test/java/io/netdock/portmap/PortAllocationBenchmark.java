package io.netdock.portmap;

import io.netdock.store.StoreFeed;
import com.zaxxer.hikari.HikariDataSource;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.kernel.simulated.SimulatedKernel;
import io.netdock.testing.TestDatabases;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ephemeral host port allocation over the whole default range (32768-60999, 28 232 ports) on an embedded H2
 * database, as a container start publishes one port. {@code fullRange}: every port but one is taken, and each
 * publish finds the one free port only after going round the whole range from the last port handed out (the worst
 * case), then unpublishes it again. {@code emptyRange}: the next port is free.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PortAllocationBenchmark {

    static final String RANGE = "32768-60999";
    static final PortRequest ANY = new PortRequest("80/tcp", 80, "tcp", List.of("0.0.0.0"), 0, 0);

    @State(Scope.Thread)
    public static class Ports {
        PortMapper mapper;
        TransactionTemplate transaction;

        void open() {
            HikariDataSource database = new HikariDataSource();
            database.setDataSource(TestDatabases.h2());
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
            mapper = new PortMapper(new PortBindings(JdbcClient.create(database), StoreFeed.unshared()),
                    new BridgeDriver(new SimulatedKernel("/tmp/netns")), transactions, new PortProperties(RANGE));
            transaction = new TransactionTemplate(transactions);
        }

        void publishAndUnpublish(String container) {
            transaction.executeWithoutResult(status -> mapper.publish(container, container + " (ep)", "ep-" + container,
                    "docker0", "172.17.0.2", "", List.of(ANY)));
            transaction.executeWithoutResult(status -> mapper.unpublish(container));
        }
    }

    @State(Scope.Thread)
    public static class FullRange extends Ports {
        @Setup(Level.Trial)
        public void fill() {
            open();
            int ports = 60999 - 32768 + 1;
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < ports - 1; i++) {
                    mapper.publish("held-" + i, "held (ep)", "ep-held-" + i, "docker0", "172.17.0.2", "", List.of(ANY));
                }
            });
        }
    }

    @State(Scope.Thread)
    public static class EmptyRange extends Ports {
        @Setup(Level.Trial)
        public void start() {
            open();
        }
    }

    @Benchmark
    public void fullRange(FullRange state) {
        state.publishAndUnpublish("probe");
    }

    @Benchmark
    public void emptyRange(EmptyRange state) {
        state.publishAndUnpublish("probe");
    }
}
