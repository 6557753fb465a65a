package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.system.web.PingHandler;
import io.netdock.testing.WholeApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** openapi/netdock.yaml and the served routes never drift apart. */
@ExtendWith(OutputCaptureExtension.class)
class OpenApiContractIT extends WholeApplication {

    private static final Set<String> HTTP_METHODS = Set.of("get", "head", "post", "put", "delete", "patch", "options");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyServedRouteIsInTheContractAndViceVersa() throws IOException {
        assertThat(documentedRoutes()).containsExactlyInAnyOrderElementsOf(servedRoutes());
    }

    @Test
    void swaggerUiShowsTheContract() {
        api().get("/swagger-ui.html").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("swagger-ui"));
        api().get("/netdock/api-docs/swagger-config").then().statusCode(200)
                .body("url", org.hamcrest.Matchers.equalTo("/netdock/openapi.yaml"));
        api().get("/netdock/openapi.yaml").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("openapi: 3.1.0"));
    }

    /**
     * The contract is the one description of the API: SpringDoc's generated document is not served (it would
     * differ from the contract, and generating it needs hibernate-validator, which netdock leaves out), so its
     * path is unknown like any other, and asking for it logs nothing.
     */
    @Test
    void theGeneratedDocumentIsNotServed(CapturedOutput output) {
        api().get("/netdock/api-docs").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("page not found"));
        api().get("/netdock/api-docs.yaml").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("page not found"));
        assertThat(output.getAll()).doesNotContain("NoClassDefFoundError").doesNotContain(" ERROR ");
    }

    private Set<String> servedRoutes() {
        // served by Jetty ahead of the servlets
        Set<String> routes = new TreeSet<>(PingHandler.ROUTES);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("io.netdock")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                assertThat(methods).as("route %s must name its HTTP methods", pattern).isNotEmpty();
                methods.forEach(method -> routes.add(method.name() + " " + pattern));
            }
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedRoutes() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("openapi/netdock.yaml"))) {
            Map<String, Object> document = new Yaml().load(in);
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
            Set<String> routes = new TreeSet<>();
            paths.forEach((path, operations) -> operations.keySet().stream()
                    .filter(HTTP_METHODS::contains)
                    .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
            // dockerd's trailing-slash twins, described once in the document rather than listed twice in Swagger UI
            List<Map<String, String>> alsoServed =
                    (List<Map<String, String>>) document.getOrDefault("x-also-served", List.of());
            alsoServed.forEach(twin -> routes.add(twin.get("route")));
            return routes;
        }
    }
}
