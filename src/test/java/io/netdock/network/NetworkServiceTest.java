package io.netdock.network;

import io.netdock.store.StoreFeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.testing.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Docker's resolution of a network reference ({@link NetworkService#get}): full ID, then exact name, then a unique
 * ID prefix, with Docker's words when a prefix is ambiguous or nothing matches. No application: the store on a
 * fresh embedded database, nothing else.
 */
class NetworkServiceTest {

    private static final String FRONT = "c".repeat(64);
    private static final String NAMED_C = "cd" + "0".repeat(62);
    private static final String AB_1 = "ab1" + "0".repeat(61);
    private static final String AB_2 = "ab2" + "0".repeat(61);

    private final NetworkService service;

    NetworkServiceTest() {
        DataSource database = TestDatabases.h2();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        Networks networks = new Networks(JdbcClient.create(database), transactions, StoreFeed.unshared());
        networks.insert(TestNetworks.bridge(FRONT, "front", "10.61.0.0/24", "10.61.0.1"));
        networks.insert(TestNetworks.bridge(NAMED_C, "c", "10.62.0.0/24", "10.62.0.1"));
        networks.insert(TestNetworks.bridge(AB_1, "one", "10.63.0.0/24", "10.63.0.1"));
        networks.insert(TestNetworks.bridge(AB_2, "two", "10.64.0.0/24", "10.64.0.1"));
        service = new NetworkService(networks, null, null, null, null, null, transactions, null, null);
    }

    @Test
    void aFullIdThenANameThenAUniquePrefix() {
        assertThat(service.get(FRONT).name()).isEqualTo("front");
        assertThat(service.get("front").id()).isEqualTo(FRONT);
        assertThat(service.get("c").id()).as("a name beats an ID prefix").isEqualTo(NAMED_C);
        assertThat(service.get("cd").id()).isEqualTo(NAMED_C);
        assertThat(service.get("ab1").name()).isEqualTo("one");
    }

    @Test
    void anAmbiguousPrefixIsRefusedInTheWordsOfTheRoute() {
        assertThatThrownBy(() -> service.get("ab")).isInstanceOf(AmbiguousNetwork.class)
                .hasMessage("2 matches found based on ID prefix: network ab is ambiguous");
        assertThatThrownBy(() -> service.resolve("ab", AmbiguousNetwork.Wording.DELETE))
                .hasMessage("network ab is ambiguous (2 matches found based on ID prefix)");
    }

    @Test
    void nothingMatchingIsNotFound() {
        assertThatThrownBy(() -> service.get("zz")).isInstanceOf(NetworkNotFound.class)
                .hasMessage("network zz not found");
        assertThat(service.find("FRONT")).as("names are case-sensitive").isEmpty();
        assertThat(service.find("front")).isPresent();
    }
}
