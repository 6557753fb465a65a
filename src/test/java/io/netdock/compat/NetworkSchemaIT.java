package io.netdock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.compat.DockerSchemas.Spec;
import io.netdock.testing.WholeApplication;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The /networks responses against Docker's own schemas (v1.41 and the newest released). */
class NetworkSchemaIT extends WholeApplication {

    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void networksWithEveryField() {
        created.add(create("{\"Name\":\"schema-full\",\"Internal\":true,\"Attachable\":true,\"Labels\":{\"a\":\"b\"},"
                + "\"Options\":{\"com.docker.network.driver.mtu\":\"1400\"},\"EnableIPv6\":true,\"IPAM\":{\"Options\":{\"o\":\"p\"},"
                + "\"Config\":[{\"Subnet\":\"10.212.0.0/24\",\"IPRange\":\"10.212.0.128/25\",\"Gateway\":\"10.212.0.1\","
                + "\"AuxiliaryAddresses\":{\"r\":\"10.212.0.2\"}},{\"Subnet\":\"fd00:212::/64\"}]}}"));
        created.add(create("{\"Name\":\"schema-cfg\",\"ConfigOnly\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"10.213.0.0/24\"}]}}"));
        created.add(create("{\"Name\":\"schema-child\",\"ConfigFrom\":{\"Network\":\"schema-cfg\"}}"));
    }

    @AfterEach
    void removeThem() {
        for (int i = created.size() - 1; i >= 0; i--) {
            api().delete("/networks/" + created.get(i));
        }
    }

    private String create(String body) {
        Response response = api().contentType("application/json").body(body).post("/networks/create");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("Id");
    }

    static String prefix(Spec spec) {
        return spec == Spec.V1_41 ? "/v1.41" : "/v1.51";
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void listAndInspectMatchDockersSchema(Spec spec) {
        assertMatches(spec, "get", "/networks", api().get(prefix(spec) + "/networks"), 200);
        for (String name : new String[] {"bridge", "host", "none", "schema-full", "schema-cfg", "schema-child"}) {
            assertMatches(spec, "get", "/networks/{id}", api().get(prefix(spec) + "/networks/" + name), 200);
        }
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void createAndPruneMatchDockersSchema(Spec spec) {
        Response createdResponse = api().contentType("application/json").body("{\"Name\":\"schema-new\",\"Labels\":{\"schema-prune\":\"\"}}")
                .post(prefix(spec) + "/networks/create");
        assertMatches(spec, "post", "/networks/create", createdResponse, 201);
        assertMatches(spec, "post", "/networks/prune",
                api().queryParam("filters", "{\"label\":[\"schema-prune\"]}").post(prefix(spec) + "/networks/prune"), 200);
        assertMatches(spec, "post", "/networks/prune",
                api().queryParam("filters", "{\"label\":[\"schema-prune\"]}").post(prefix(spec) + "/networks/prune"), 200);
    }

    private void assertMatches(Spec spec, String method, String documentedPath, Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(SchemaAllowList.unexplained(
                DockerSchemas.of(spec).validateResponse(method, documentedPath, status, response.asString())))
                .isEmpty();
    }
}
