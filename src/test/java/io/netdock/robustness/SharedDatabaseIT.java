package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ApiClient;
import io.netdock.testing.RunningNetdock;
import io.netdock.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two netdock processes on one PostgreSQL schema, each with its own in-memory caches and its own (simulated)
 * kernel, hammered at once by 32 clients (even ones on the first, odd ones on the second). The shared networks are
 * created on the first after the second started, so the second must pick them up from the database. Only the
 * database can keep them from handing out one address or host port twice, and it must: afterwards no address or
 * port is held twice, every lease and binding belongs to a running container's endpoint, each process shows exactly
 * what the database holds (also what the other process made), and its kernel holds what the database says about the
 * containers it manages.
 */
class SharedDatabaseIT {

    static final int OPERATIONS = Integer.getInteger("netdock.load.operations", 100);

    @Test
    void twoNetdocksOnOneDatabaseNeverHandOutAnAddressOrPortTwice() throws Exception {
        String[] database = TestDatabases.postgresApplicationProperties();
        try (RunningNetdock first = RunningNetdock.start(database); RunningNetdock second = RunningNetdock.start(database);
             ApiClient one = ApiClient.tcp(first.port()); ApiClient two = ApiClient.tcp(second.port())) {
            MixedLoad.createSharedNetworks(one);
            MixedLoad.Result result = new MixedLoad(ConcurrentLoadIT.CLIENTS, OPERATIONS, 7,
                    client -> client % 2 == 0 ? one : two).run();
            System.out.println("shared database load: " + MixedLoad.describe(result));

            assertThat(result.operations()).isEqualTo((long) ConcurrentLoadIT.CLIENTS * OPERATIONS);
            assertThat(MixedLoad.unexpected(result.kinds())).as("answers no client should get").isEmpty();
            Invariants.Database db = Invariants.Database.read(first.bean(DataSource.class));
            List<String> violations = new ArrayList<>(Invariants.database(db));
            Predicate<String> even = name -> clientOf(name) % 2 == 0;
            // each shows everything, whichever process made it (the store feed keeps them coherent)
            violations.addAll(Invariants.api(one, db, name -> true));
            violations.addAll(Invariants.api(two, db, name -> true));
            violations.addAll(Invariants.kernel(one, db, even, false));
            violations.addAll(Invariants.kernel(two, db, even.negate(), false));
            assertThat(violations).isEmpty();
        }
    }

    /** {@code c12-k3} → 12. */
    private static int clientOf(String containerName) {
        return Integer.parseInt(containerName.substring(1, containerName.indexOf('-')));
    }
}
