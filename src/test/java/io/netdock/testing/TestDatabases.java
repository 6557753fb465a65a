package io.netdock.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh, migrated databases for store tests: embedded H2 always, PostgreSQL when
 * {@code NETDOCK_TEST_POSTGRES_URL} is set (see {@code scripts/test-postgres}). With
 * {@code NETDOCK_REQUIRE_POSTGRES=1} (CI) a missing or unreachable PostgreSQL fails the test instead of
 * skipping it.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A database kind; the database itself is made when a test asks, so a skip only touches that case. */
    public interface TestDatabase {
        DataSource create();
    }

    /**
     * Use as {@code @MethodSource("io.netdock.testing.TestDatabases#both")} with a {@link TestDatabase}
     * parameter, and call {@code create()} in the test.
     */
    public static Stream<Named<TestDatabase>> both() {
        return Stream.of(Named.of("H2", TestDatabases::h2), Named.of("PostgreSQL", TestDatabases::postgres));
    }

    public static DataSource h2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        migrate(h2);
        return h2;
    }

    /** A PostgreSQL schema of its own, so tests never see each other's rows. */
    public static DataSource postgres() {
        String url = System.getenv("NETDOCK_TEST_POSTGRES_URL");
        boolean required = "1".equals(System.getenv("NETDOCK_REQUIRE_POSTGRES"));
        if (url == null || url.isBlank()) {
            if (required) {
                throw new IllegalStateException("NETDOCK_REQUIRE_POSTGRES=1 but NETDOCK_TEST_POSTGRES_URL is not set");
            }
            Assumptions.abort("PostgreSQL not configured: run eval \"$(scripts/test-postgres start)\" to include it");
        }
        String user = System.getenv().getOrDefault("NETDOCK_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("NETDOCK_TEST_POSTGRES_PASSWORD", "");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        DriverManagerDataSource admin = new DriverManagerDataSource(url, user, password);
        try (Connection connection = admin.getConnection()) {
            connection.createStatement().execute("create schema " + schema);
        } catch (SQLException unreachable) {
            if (required) {
                throw new IllegalStateException("PostgreSQL at " + url + " is unreachable: " + unreachable.getMessage(),
                        unreachable);
            }
            Assumptions.abort("PostgreSQL at " + url + " is unreachable: " + unreachable.getMessage());
        }
        String separator = url.contains("?") ? "&" : "?";
        DriverManagerDataSource postgres =
                new DriverManagerDataSource(url + separator + "currentSchema=" + schema, user, password);
        migrate(postgres);
        return postgres;
    }

    /** PostgreSQL connection settings for a whole-application test, or a skip/failure as above. */
    public static String[] postgresApplicationProperties() {
        return postgresForApplication().arguments();
    }

    /** A fresh PostgreSQL schema: the application's arguments to use it, and a data source to look into it. */
    public record ApplicationDatabase(String[] arguments, DataSource dataSource) {
    }

    public static ApplicationDatabase postgresForApplication() {
        DataSource probe = postgres();
        String url = ((DriverManagerDataSource) probe).getUrl();
        return new ApplicationDatabase(new String[] {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + System.getenv().getOrDefault("NETDOCK_TEST_POSTGRES_USER", "postgres"),
            "--spring.datasource.password=" + System.getenv().getOrDefault("NETDOCK_TEST_POSTGRES_PASSWORD", "")
        }, probe);
    }

    /**
     * The embedded H2 file database netdock uses by default, in {@code stateDir}: the URL of
     * {@code application.properties} with H2's automatic server mode instead of its exclusive one, so the test can
     * look into the database while netdock (another process) has it open. Everything else stays as shipped.
     */
    public static ApplicationDatabase h2FileForApplication(java.nio.file.Path stateDir) {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = TestDatabases.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String shipped = defaults.getProperty("spring.datasource.url");
        String url = shipped.replace("${netdock.state-dir}", stateDir.toString()).replace(";DB_CLOSE_ON_EXIT=FALSE", "")
                .replace(";AUTO_SERVER=FALSE", ";AUTO_SERVER=TRUE");
        if (!url.contains(";AUTO_SERVER=TRUE") || url.contains("${")) {
            throw new IllegalStateException("the shipped H2 URL changed shape, adapt this test: " + shipped);
        }
        return new ApplicationDatabase(new String[] {"--spring.datasource.url=" + url},
                new DriverManagerDataSource(url, "netdock", ""));
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
