package io.netdock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.compat.DockerSchemas.Spec;
import io.netdock.testing.WholeApplication;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Containers, networks with their endpoints, events, images and errors against Docker's own schemas (v1.41, and
 * v1.55 asked at our newest, 1.51), with realistic objects: running containers with published ports on user
 * networks and the default bridge, legacy links, host/none/container modes, IPv6, stopped and created containers.
 * Every mismatch fails unless {@code docker-schema-allowlist.txt} explains it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerSchemaIT extends WholeApplication {

    private static final String[] CONTAINERS = {"sc-web", "sc-target", "sc-bridge", "sc-host", "sc-none", "sc-side",
            "sc-v6c", "sc-multi", "sc-stopped", "sc-created"};
    private static final String[] NETWORKS = {"bridge", "host", "none", "sc-user", "sc-v6"};

    private long since;

    @BeforeAll
    void realisticObjects() {
        since = Instant.now().getEpochSecond();
        network("{\"Name\":\"sc-user\",\"Labels\":{\"sc\":\"1\"},\"IPAM\":{\"Config\":[{\"Subnet\":\"10.243.0.0/24\","
                + "\"IPRange\":\"10.243.0.128/25\",\"Gateway\":\"10.243.0.1\"}]}}");
        network("{\"Name\":\"sc-v6\",\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"10.244.0.0/24\"},"
                + "{\"Subnet\":\"fd00:244::/64\"}]}}");
        run("sc-web", "{\"Image\":\"busybox:latest\",\"Cmd\":[\"httpd\",\"-f\"],\"Hostname\":\"webhost\","
                + "\"Domainname\":\"example.org\",\"Labels\":{\"sc\":\"web\"},"
                + "\"ExposedPorts\":{\"80/tcp\":{},\"8080/udp\":{},\"81/tcp\":{},\"53/udp\":{}},"
                + "\"HostConfig\":{\"NetworkMode\":\"sc-user\",\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"\","
                + "\"HostPort\":\"28243\"}],\"8080/udp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}]},"
                + "\"PublishAllPorts\":true,\"Dns\":[\"10.0.0.53\"],\"DnsSearch\":[\"example.com\"],"
                + "\"DnsOptions\":[\"ndots:2\"],\"ExtraHosts\":[\"foo:10.0.0.1\"],\"RestartPolicy\":{\"Name\":"
                + "\"unless-stopped\"}},\"NetworkingConfig\":{\"EndpointsConfig\":{\"sc-user\":{\"IPAMConfig\":"
                + "{\"IPv4Address\":\"10.243.0.10\"},\"Aliases\":[\"web\",\"www\"],\"Links\":[\"sc-target:t\"]}}}}");
        run("sc-target", "{\"Image\":\"busybox:latest\",\"Hostname\":\"targethost\",\"ExposedPorts\":{\"5432/tcp\":{}}}");
        run("sc-bridge", "{\"Image\":\"busybox:latest\",\"HostConfig\":{\"Links\":[\"sc-target:db\"],"
                + "\"PortBindings\":{\"9000/tcp\":[{}]}},\"ExposedPorts\":{\"9000/tcp\":{}}}");
        run("sc-host", "{\"Image\":\"busybox:latest\",\"HostConfig\":{\"NetworkMode\":\"host\"}}");
        run("sc-none", "{\"Image\":\"busybox:latest\",\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        run("sc-side", "{\"Image\":\"busybox:latest\",\"HostConfig\":{\"NetworkMode\":\"container:sc-bridge\"}}");
        run("sc-v6c", "{\"Image\":\"busybox:latest\",\"HostConfig\":{\"NetworkMode\":\"sc-v6\"},\"NetworkingConfig\":"
                + "{\"EndpointsConfig\":{\"sc-v6\":{\"IPAMConfig\":{\"IPv6Address\":\"fd00:244::10\"}}}}}");
        run("sc-multi", "{\"Image\":\"busybox:latest\",\"HostConfig\":{\"NetworkMode\":\"sc-user\"}}");
        api().contentType("application/json").body("{\"Container\":\"sc-multi\",\"EndpointConfig\":{\"Aliases\":[\"m\"]}}")
                .post("/networks/sc-v6/connect").then().statusCode(200);
        run("sc-stopped", "{\"Image\":\"busybox:latest\",\"HostConfig\":{\"NetworkMode\":\"sc-user\"}}");
        api().post("/containers/sc-stopped/stop").then().statusCode(204);
        create("sc-created", "{\"Image\":\"busybox:latest\",\"HostConfig\":{\"NetworkMode\":\"sc-user\"}}");
        api().contentType("application/json").body("{\"Container\":\"sc-created\"}").post("/networks/sc-v6/connect")
                .then().statusCode(200);
    }

    @AfterAll
    void removeThem() {
        for (String name : CONTAINERS) {
            api().delete("/containers/" + name + "?force=1");
        }
        api().delete("/networks/sc-user");
        api().delete("/networks/sc-v6");
    }

    private void network(String body) {
        api().contentType("application/json").body(body).post("/networks/create").then().statusCode(201);
    }

    private void create(String name, String body) {
        Response created = api().contentType("application/json").body(body).post("/containers/create?name=" + name);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    }

    private void run(String name, String body) {
        create(name, body);
        Response started = api().post("/containers/" + name + "/start");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(204);
    }

    static String prefix(Spec spec) {
        return spec == Spec.V1_41 ? "/v1.41" : "/v1.51";
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void containerInspectMatchesDockersSchema(Spec spec) {
        List<String> mismatches = new ArrayList<>();
        for (String name : CONTAINERS) {
            mismatches.addAll(validate(spec, "get", "/containers/{id}/json",
                    api().get(prefix(spec) + "/containers/" + name + "/json"), 200));
        }
        assertThat(SchemaAllowList.unexplained(mismatches)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void containerListMatchesDockersSchema(Spec spec) {
        List<String> mismatches = new ArrayList<>(validate(spec, "get", "/containers/json",
                api().queryParam("all", "1").queryParam("filters", "{\"name\":[\"sc-\"]}")
                        .get(prefix(spec) + "/containers/json"), 200));
        assertThat(api().queryParam("all", "1").queryParam("filters", "{\"name\":[\"sc-\"]}")
                .get(prefix(spec) + "/containers/json").jsonPath().getList("Id")).hasSize(CONTAINERS.length);
        assertThat(SchemaAllowList.unexplained(mismatches)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void networksWithEndpointsMatchDockersSchema(Spec spec) {
        List<String> mismatches = new ArrayList<>(validate(spec, "get", "/networks", api().get(prefix(spec) + "/networks"), 200));
        for (String name : NETWORKS) {
            mismatches.addAll(validate(spec, "get", "/networks/{id}", api().get(prefix(spec) + "/networks/" + name), 200));
        }
        assertThat(api().get(prefix(spec) + "/networks/sc-user").jsonPath().getMap("Containers"))
                .as("running endpoints only: sc-web and sc-multi").hasSize(2);
        assertThat(SchemaAllowList.unexplained(mismatches)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void systemDocumentsWithContainersMatchDockersSchema(Spec spec) {
        List<String> mismatches = new ArrayList<>(validate(spec, "get", "/version", api().get(prefix(spec) + "/version"), 200));
        mismatches.addAll(validate(spec, "get", "/info", api().get(prefix(spec) + "/info"), 200));
        assertThat(SchemaAllowList.unexplained(mismatches)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void eventsMatchDockersSchema(Spec spec) {
        Response response = api().queryParam("since", String.valueOf(since))
                // the next second: "until=N" ends at N.000000000, before events of this same second
                .queryParam("until", String.valueOf(Instant.now().getEpochSecond() + 1))
                .get(prefix(spec) + "/events");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.asString().lines().toList();
        assertThat(lines).as("container, network and image events of the set-up").hasSizeGreaterThan(30);
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            mismatches.addAll(DockerSchemas.of(spec).validateDefinition("EventMessage", line));
        }
        assertThat(SchemaAllowList.unexplained(mismatches)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void imageInspectMatchesDockersSchema(Spec spec) {
        assertThat(SchemaAllowList.unexplained(validate(spec, "get", "/images/{name}/json",
                api().get(prefix(spec) + "/images/busybox:latest/json"), 200))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void errorsMatchDockersSchema(Spec spec) {
        String p = prefix(spec);
        List<String> mismatches = new ArrayList<>();
        mismatches.addAll(validate(spec, "get", "/containers/{id}/json", api().get(p + "/containers/sc-nosuch/json"), 404));
        mismatches.addAll(validate(spec, "get", "/networks/{id}", api().get(p + "/networks/sc-nosuch"), 404));
        mismatches.addAll(validate(spec, "get", "/images/{name}/json", api().get(p + "/images/sha256:" + "0".repeat(64) + "/json"), 404));
        mismatches.addAll(validate(spec, "post", "/containers/{id}/start", api().post(p + "/containers/sc-web/start"), 304,
                true));
        mismatches.addAll(validate(spec, "post", "/containers/{id}/kill",
                api().post(p + "/containers/sc-stopped/kill"), 409));
        mismatches.addAll(validate(spec, "post", "/networks/create", api().contentType("application/json")
                .body("{\"Name\":\"sc-user\"}").post(p + "/networks/create"), 409));
        mismatches.addAll(validate(spec, "post", "/networks/create", api().contentType("application/json")
                .body("{\"Name\":\"sc-bad\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.245.0.5/24\"}]}}")
                .post(p + "/networks/create"), 400));
        mismatches.addAll(validate(spec, "post", "/containers/create", api().contentType("application/json")
                .body("{\"Image\":\"x\",\"Hostname\":\"h\",\"HostConfig\":{\"NetworkMode\":\"container:sc-web\"}}")
                .post(p + "/containers/create"), 400));
        mismatches.addAll(validate(spec, "delete", "/networks/{id}", api().delete(p + "/networks/sc-user"), 403));
        mismatches.addAll(validate(spec, "post", "/networks/{id}/disconnect", api().contentType("application/json")
                .body("{\"Container\":\"sc-none\"}").post(p + "/networks/sc-user/disconnect"), 500));
        mismatches.addAll(validate(spec, "get", "/containers/json",
                api().queryParam("filters", "{\"bogus\":[\"1\"]}").get(p + "/containers/json"), 400));
        assertThat(SchemaAllowList.unexplained(mismatches)).isEmpty();
    }

    private List<String> validate(Spec spec, String method, String documentedPath, Response response, int status) {
        return validate(spec, method, documentedPath, response, status, false);
    }

    /**
     * The response's status must be {@code status}; its body must match what Docker documents for it (an error
     * status Docker does not document for the operation: its {@code ErrorResponse}).
     */
    private List<String> validate(Spec spec, String method, String documentedPath, Response response, int status,
                                  boolean emptyBody) {
        assertThat(response.statusCode()).as(method + " " + documentedPath + ": " + response.asString()).isEqualTo(status);
        if (emptyBody) {
            assertThat(response.asString()).isEmpty();
            return List.of();
        }
        DockerSchemas schemas = DockerSchemas.of(spec);
        if (status >= 400 && !schemas.documents(method, documentedPath, status)) {
            // e.g. 409 for a duplicate network name, which Docker answers since 25.0 but does not document
            return schemas.validateDefinition("ErrorResponse", response.asString());
        }
        return schemas.validateResponse(method, documentedPath, status, response.asString());
    }
}
