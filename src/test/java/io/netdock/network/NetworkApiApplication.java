package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.netdock.events.EventLog;
import io.netdock.kernel.Plumbing;
import io.netdock.testing.WholeApplication;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Base of the network API tests (a base class, so not named {@code *Test}): the whole application, with the
 * endpoint module's {@link NetworkUsers} played by a test double (a map of network ID → endpoints) and the kernel
 * port spied on (to check calls and make it fail).
 */
abstract class NetworkApiApplication extends WholeApplication {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * This context (with its test doubles) runs beside the plain application context of other ITs in the same JVM,
     * so it gets its own socket and database (the base class fixes {@code netdock.state-dir}).
     */
    private static final Path OWN_STATE = createOwnStateDir();

    @DynamicPropertySource
    static void ownSocketAndDatabase(DynamicPropertyRegistry registry) {
        registry.add("netdock.socket", () -> OWN_STATE.resolve("docker.sock").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + OWN_STATE.resolve("netdock")
                + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE");
    }

    private static Path createOwnStateDir() {
        try {
            return Files.createTempDirectory("netdock-network-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @MockitoBean
    NetworkUsers users;

    @MockitoSpyBean
    Plumbing plumbing;

    @Autowired
    EventLog events;

    final Map<String, List<NetworkUser>> endpoints = new ConcurrentHashMap<>();

    @BeforeEach
    void endpointsFromTheMap() {
        endpoints.clear();
        when(users.usersOf(anyString())).thenAnswer(call -> endpoints.getOrDefault(call.getArgument(0), List.of()));
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return "networks-" + prefix + "-" + COUNTER.incrementAndGet();
    }

    Response post(String path, String json) {
        return api().contentType("application/json").body(json).post(path);
    }

    /** Creates a network from a JSON body; returns its ID. */
    String create(String json) {
        Response response = post("/networks/create", json);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("Id");
    }

    String createNamed(String name) {
        return create("{\"Name\":\"" + name + "\"}");
    }

    JsonPath inspect(String idOrName) {
        Response response = api().get("/networks/" + idOrName);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    void remove(String idOrName) {
        api().delete("/networks/" + idOrName).then().statusCode(204);
    }

    /** Status and message of an error answer. */
    static String error(Response response) {
        return response.statusCode() + " " + response.jsonPath().getString("message");
    }

    List<String> names(Response listing) {
        assertThat(listing.statusCode()).as(listing.asString()).isEqualTo(200);
        return new ArrayList<>(listing.jsonPath().getList("Name", String.class));
    }
}
