package io.netdock.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The image catalogue on H2 and PostgreSQL. */
class ImagesStoreIT {

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void keepsOneRecordPerReferenceWithItsFirstSighting(TestDatabase kind) {
        DataSource database = kind.create();
        Images images = new Images(JdbcClient.create(database), new DataSourceTransactionManager(database));
        ImageReference busybox = ImageReference.parse("busybox").withDefaultTag();
        Instant first = Instant.parse("2026-11-28T18:32:17.916586885Z");

        Image stored = images.addIfAbsent(busybox, first);
        Image again = images.addIfAbsent(busybox, first.plusSeconds(60));

        assertThat(again).isEqualTo(stored);
        assertThat(stored.created()).isEqualTo(first);
        assertThat(new Images(JdbcClient.create(database), new DataSourceTransactionManager(database)).find(busybox))
                .contains(stored);
        assertThat(images.findByIdPrefix(stored.id().substring(7, 19))).containsExactly(stored);
        assertThat(images.findByIdPrefix("%")).isEmpty();
        assertThat(images.all()).containsExactly(stored);
        assertThat(images.remove(busybox)).isTrue();
        assertThat(images.remove(busybox)).isFalse();
        assertThat(images.all()).isEmpty();
    }

    /** Another netdock stored the image between our look-up and our insert; we are inside a transaction. */
    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void losingTheRaceInsideATransactionLeavesTheTransactionUsable(TestDatabase kind) {
        DataSource database = kind.create();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        ImageReference busybox = ImageReference.parse("busybox").withDefaultTag();
        Image theirs = new Images(JdbcClient.create(database), transactions)
                .addIfAbsent(busybox, Instant.parse("2026-11-28T18:00:00Z"));
        Images late = new Images(JdbcClient.create(database), transactions) {
            private boolean looked;

            @Override
            public Optional<Image> find(ImageReference reference) {
                if (!looked) {
                    looked = true;
                    return Optional.empty();
                }
                return super.find(reference);
            }
        };

        List<Image> seen = new TransactionTemplate(transactions).execute(status -> {
            assertThat(late.addIfAbsent(busybox, Instant.parse("2026-11-28T19:00:00Z"))).isEqualTo(theirs);
            return late.all();
        });

        assertThat(seen).containsExactly(theirs);
    }
}
