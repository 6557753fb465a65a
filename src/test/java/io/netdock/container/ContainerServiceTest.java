package io.netdock.container;

import io.netdock.store.StoreFeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import io.netdock.testing.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Docker's lookup of a container reference ({@link ContainerService#get}): full ID, then exact name (a leading
 * slash optional), then a unique ID prefix; a prefix of several IDs is dockerd's 500. No application: the store
 * on a fresh embedded database, nothing else.
 */
class ContainerServiceTest {

    private static final String WEB = "ab1" + "0".repeat(61);
    private static final String DB = "ab2" + "0".repeat(61);
    private static final String NAMED_AB = "cc" + "0".repeat(62);

    private final ContainerService service;

    ContainerServiceTest() {
        DataSource database = TestDatabases.h2();
        Containers containers = new Containers(JdbcClient.create(database), new DataSourceTransactionManager(database),
                StoreFeed.unshared());
        containers.insert(ContainerStoresIT.sample(WEB, "web"));
        containers.insert(ContainerStoresIT.sample(DB, "db"));
        containers.insert(ContainerStoresIT.sample(NAMED_AB, "ab"));
        service = new ContainerService(containers, null, null, null, null, null, null, null, null);
    }

    @Test
    void aFullIdThenANameThenAUniquePrefix() {
        assertThat(service.get(WEB).name()).isEqualTo("web");
        assertThat(service.get("web").id()).isEqualTo(WEB);
        assertThat(service.get("/web").id()).as("the leading slash of Docker's names").isEqualTo(WEB);
        assertThat(service.get("ab").id()).as("a name beats an ID prefix").isEqualTo(NAMED_AB);
        assertThat(service.get("ab2").id()).isEqualTo(DB);
    }

    @Test
    void aPrefixOfSeveralIdsIsDockerdsServerError() {
        assertThatThrownBy(() -> service.get("a")).isInstanceOf(DockerError.class)
                .hasMessage("multiple IDs found with provided prefix: a")
                .matches(error -> ((DockerError) error).category() == ErrorCategory.SYSTEM);
    }

    @Test
    void nothingMatchingIsNotFound() {
        for (String reference : new String[] {"nope", "", "ab3", "AB1", "/"}) {
            assertThatThrownBy(() -> service.get(reference)).as(reference).isInstanceOf(ContainerNotFound.class)
                    .hasMessage("No such container: " + reference);
        }
        assertThat(service.find("nope")).isEmpty();
    }
}
