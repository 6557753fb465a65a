package io.netdock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.compat.DockerSchemas.Spec;
import io.netdock.testing.WholeApplication;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** System endpoints and error bodies against Docker's own schemas (v1.41 and the newest released). */
class SystemSchemaIT extends WholeApplication {

    static String prefix(Spec spec) {
        return spec == Spec.V1_41 ? "/v1.41" : "/v1.51";
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void versionMatchesDockersSchema(Spec spec) {
        assertMatches(spec, "get", "/version", prefix(spec) + "/version");
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void infoMatchesDockersSchema(Spec spec) {
        assertMatches(spec, "get", "/info", prefix(spec) + "/info");
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void errorsMatchDockersSchema(Spec spec) {
        Response notFound = api().get(prefix(spec) + "/nosuch");
        assertThat(SchemaAllowList.unexplained(
                DockerSchemas.of(spec).validateDefinition("ErrorResponse", notFound.asString()))).isEmpty();
    }

    private void assertMatches(Spec spec, String method, String documentedPath, String requestPath) {
        Response response = api().request(method, requestPath);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SchemaAllowList.unexplained(
                DockerSchemas.of(spec).validateResponse(method, documentedPath, 200, response.asString())))
                .isEmpty();
    }
}
