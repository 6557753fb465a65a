package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.ipam.AddressAllocator;
import io.netdock.testing.ApiClient;
import io.netdock.testing.RunningNetdock;
import io.netdock.testing.TestDatabases;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 32 concurrent clients run a random mix of network and container operations against one netdock (simulated
 * kernel), on H2 and on PostgreSQL. Every answer must be a success or one of the refusals concurrent clients cause
 * (Docker's 4xx, and Docker's own 500 for a taken host port); afterwards the database, the API's in-memory view,
 * the address allocator's cache and the kernel must agree. 100 operations per client here; the full run is
 * {@code -Dnetdock.load.operations=1000}.
 */
class ConcurrentLoadIT {

    static final int CLIENTS = 32;
    static final int OPERATIONS = Integer.getInteger("netdock.load.operations", 100);

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("H2", new String[0]),
                Named.of("PostgreSQL", new String[] {"postgres"}));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void manyClientsLeaveEverythingConsistent(String[] database) throws Exception {
        String[] args = database.length == 0 ? new String[0] : TestDatabases.postgresApplicationProperties();
        try (RunningNetdock netdock = RunningNetdock.start(args); ApiClient api = ApiClient.tcp(netdock.port())) {
            MixedLoad.createSharedNetworks(api);
            MixedLoad.Result result = new MixedLoad(CLIENTS, OPERATIONS, 42, client -> api).run();
            System.out.println("concurrent load " + (database.length == 0 ? "H2" : "PostgreSQL") + ": "
                    + MixedLoad.describe(result));

            assertThat(result.operations()).isEqualTo((long) CLIENTS * OPERATIONS);
            assertThat(MixedLoad.unexpected(result.kinds())).as("answers no client should get").isEmpty();
            assertThat(Invariants.ofSoleProcess(api, netdock.bean(DataSource.class),
                    netdock.bean(AddressAllocator.class))).isEmpty();
        }
    }
}
