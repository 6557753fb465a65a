package io.netdock.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The image catalogue on H2 and PostgreSQL. */
class ImagesStoreIT {

    @ParameterizedTest
    @MethodSource("io.netdock.testing.TestDatabases#both")
    void keepsOneRecordPerReferenceWithItsFirstSighting(TestDatabase kind) {
        DataSource database = kind.create();
        Images images = new Images(JdbcClient.create(database));
        ImageReference busybox = ImageReference.parse("busybox").withDefaultTag();
        Instant first = Instant.parse("2026-11-28T18:32:17.916586885Z");

        Image stored = images.addIfAbsent(busybox, first);
        Image again = images.addIfAbsent(busybox, first.plusSeconds(60));

        assertThat(again).isEqualTo(stored);
        assertThat(stored.created()).isEqualTo(first);
        assertThat(new Images(JdbcClient.create(database)).find(busybox)).contains(stored);
        assertThat(images.findByIdPrefix(stored.id().substring(7, 19))).containsExactly(stored);
        assertThat(images.findByIdPrefix("%")).isEmpty();
        assertThat(images.all()).containsExactly(stored);
        assertThat(images.remove(busybox)).isTrue();
        assertThat(images.remove(busybox)).isFalse();
        assertThat(images.all()).isEmpty();
    }
}
