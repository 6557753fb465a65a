package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.TestDatabases;
import io.netdock.testing.TestDatabases.ApplicationDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} of a netdock process (simulated kernel) while 32 clients hammer it, then a restart on the same
 * state, with the default embedded H2 file database and with PostgreSQL: every acknowledged operation is there and
 * nothing half done remains. Killed after 600 answers here; {@code -Dnetdock.crash.answers=N} kills later.
 */
class CrashRecoveryIT {

    static final int CLIENTS = 32;
    static final long KILL_AFTER = Long.getLong("netdock.crash.answers", 600);

    static Stream<Named<String>> databases() {
        return Stream.of(Named.of("H2 file", "h2"), Named.of("PostgreSQL", "postgres"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void acknowledgedOperationsSurviveAKillAndNothingHalfDoneRemains(String kind) throws Exception {
        Path stateDir = Files.createTempDirectory("netdock-crash");
        ApplicationDatabase database = kind.equals("h2") ? TestDatabases.h2FileForApplication(stateDir)
                : TestDatabases.postgresForApplication();

        CrashScenario.Outcome outcome = CrashScenario.run(stateDir, List.of(database.arguments()),
                database.dataSource(), CLIENTS, KILL_AFTER, 11);

        System.out.println("crash (" + kind + "): killed after " + outcome.load().operations() + " answers; "
                + MixedLoad.describe(outcome.load()));
        assertThat(outcome.load().clients()).as("clients cut off by the kill")
                .anyMatch(client -> client.inFlight() != null);
        assertThat(MixedLoad.unexpected(outcome.load().kinds())).as("answers no client should get").isEmpty();
        assertThat(outcome.violations()).as("after the restart (log: %s)", outcome.secondLog()).isEmpty();
    }
}
