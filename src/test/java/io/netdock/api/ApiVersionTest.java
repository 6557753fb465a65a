package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void comparesNumericallyPerComponent() {
        assertThat(ApiVersion.parse("1.9")).isLessThan(ApiVersion.parse("1.10"));
        assertThat(ApiVersion.parse("1.41.0")).isEqualTo(ApiVersion.parse("1.41"));
        assertThat(ApiVersion.parse("1.41.0")).hasSameHashCodeAs(ApiVersion.parse("1.41"));
        assertThat(ApiVersion.parse("1")).isLessThan(ApiVersion.MIN);
        assertThat(ApiVersion.parse("2")).isGreaterThan(ApiVersion.MAX);
    }

    @Test
    void gatesByVersion() {
        ApiVersion v141 = ApiVersion.parse("1.41");
        assertThat(v141.atLeast("1.41")).isTrue();
        assertThat(v141.below("1.44")).isTrue();
        assertThat(v141.atLeast("1.48")).isFalse();
    }

    @Test
    void survivesAbsurdComponents() {
        assertThat(ApiVersion.parse("1.99999999999999999999")).isGreaterThan(ApiVersion.MAX);
        assertThat(ApiVersion.parse(".")).isLessThan(ApiVersion.MIN);
    }
}
