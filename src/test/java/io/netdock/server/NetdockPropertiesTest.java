package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class NetdockPropertiesTest {

    @Test
    void theBodyLimitMustLetSomethingThroughAndStaySane() {
        for (DataSize unusable : new DataSize[] {DataSize.ofBytes(0), DataSize.ofBytes(-1), DataSize.ofGigabytes(2)}) {
            assertThatThrownBy(() -> new NetdockProperties(Path.of("state"), null, null, unusable))
                    .isInstanceOf(StartupRefused.class)
                    .hasMessage("netdock.max-request-body=" + unusable + " is not between 1B and 1GB");
        }
        assertThat(new NetdockProperties(Path.of("state"), null, null, DataSize.ofGigabytes(1)).maxRequestBody())
                .isEqualTo(DataSize.ofGigabytes(1));
    }
}
