package io.netdock.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.TestDatabases.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daemon settings store on H2 and PostgreSQL. */
class DaemonSettingsStoreIT {

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void keepsTheFirstValueWritten(TestDatabase kind) {
        DataSource database = kind.create();
        DaemonSettings settings = new DaemonSettings(JdbcClient.create(database));
        assertThat(settings.find("engine-id")).isEmpty();
        assertThat(settings.getOrCreate("engine-id", () -> "first")).isEqualTo("first");
        assertThat(settings.getOrCreate("engine-id", () -> "second")).isEqualTo("first");
        assertThat(new DaemonSettings(JdbcClient.create(database)).find("engine-id")).contains("first");
    }
}
