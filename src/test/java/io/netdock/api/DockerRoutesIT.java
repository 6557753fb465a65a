package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.WholeApplication;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 15, point 2: every route of Docker's newest API spec gets a Docker-style answer from netdock, never
 * "page not found"; what netdock lacks is a 501 that says why. Paths Docker does not have stay 404.
 */
class DockerRoutesIT extends WholeApplication {

    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "delete");

    @Test
    void noDockerRouteIsPageNotFound() throws IOException {
        List<String> pageNotFound = new ArrayList<>();
        for (String route : dockerRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "nd-nothing")
                    + (route.endsWith(" /events") ? "?since=0&until=1" : "");
            Response reply = api().contentType("application/json").body(method.equals("POST") ? "{}" : "")
                    .request(method, path);
            String body = reply.asString();
            if (method.equals("HEAD")) {
                continue; // no body to tell "page not found" from "No such container"
            }
            if (body.contains("page not found")) {
                pageNotFound.add(route + " → " + reply.statusCode() + " " + body);
            }
            if (reply.statusCode() >= 400) {
                assertThat(reply.jsonPath().getString("message")).as(route).isNotBlank();
            }
        }
        assertThat(pageNotFound).isEmpty();
    }

    @Test
    void lackingFeaturesAnswer501WithTheReason() {
        api().contentType("application/json").body("{\"Image\":\"busybox:latest\"}")
                .post("/containers/create?name=nd-routes-pause").then().statusCode(201);
        api().post("/containers/nd-routes-pause/start").then().statusCode(204);
        api().post("/v1.51/containers/nd-routes-pause/pause").then().statusCode(501)
                .body("message", org.hamcrest.Matchers.startsWith("pause is not supported: containers run no process"))
                .body("message", org.hamcrest.Matchers.containsString("--netdock.processes=host"));
        api().get("/containers/nd-routes-pause/attach/ws").then().statusCode(501)
                .body("message", org.hamcrest.Matchers.startsWith("netdock does not attach over WebSocket"));
        api().delete("/containers/nd-routes-pause?force=true").then().statusCode(204);
        api().post("/commit").then().statusCode(501)
                .body("message", org.hamcrest.Matchers.containsString("images are emulated"));
        api().post("/build").then().statusCode(501)
                .body("message", org.hamcrest.Matchers.startsWith("netdock has no builder"));
        api().delete("/volumes/nd-nothing").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("get nd-nothing: no such volume"));
        api().get("/plugins/nd-nothing/json").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("plugin \"nd-nothing\" not found"));
    }

    @Test
    void pathsDockerDoesNotHaveArePageNotFound() {
        api().get("/v1.51/nothing-here").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("page not found"));
        api().post("/containers/nd-nothing/pause/again").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("page not found"));
        api().get("/commit").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("page not found"));
    }

    /** {@code METHOD /path} of every operation in Docker's newest spec. */
    @SuppressWarnings("unchecked")
    private static List<String> dockerRoutes() throws IOException {
        try (InputStream in = DockerRoutesIT.class.getResourceAsStream("/docker-engine-api/engine-api-v1.56.yaml")) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(64 * 1024 * 1024);
            Map<String, Object> spec = new Yaml(options).load(in);
            List<String> routes = new ArrayList<>();
            ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, operations) ->
                    operations.keySet().stream().filter(METHODS::contains)
                            .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
            assertThat(routes).hasSizeGreaterThan(100);
            return routes;
        }
    }
}
