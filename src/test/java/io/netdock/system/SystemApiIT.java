package io.netdock.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.netdock.testing.WholeApplication;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The system endpoints and the Docker wire conventions, over TCP. */
class SystemApiIT extends WholeApplication {

    @Test
    void pingAnswersOkWithDockersHeaders() {
        for (String path : new String[] {"/_ping", "/v1.41/_ping", "/v1.51/_ping", "/v1.24/_ping"}) {
            api().get(path).then()
                    .statusCode(200)
                    .header("Api-Version", "1.51")
                    .header("Ostype", "linux")
                    .header("Server", startsWith("netdock/"))
                    .header("Docker-Experimental", "false")
                    .header("Cache-Control", "no-cache, no-store, must-revalidate")
                    .header("Pragma", "no-cache")
                    .contentType(startsWith("text/plain"))
                    .body(equalTo("OK"));
        }
    }

    @Test
    void headPingHasHeadersAndNoBody() {
        api().head("/_ping").then()
                .statusCode(200)
                .header("Api-Version", "1.51")
                .header("Content-Length", "0")
                .body(emptyString());
    }

    @Test
    void versionReportsOurRange() {
        api().get("/v1.41/version").then()
                .statusCode(200)
                .body("ApiVersion", equalTo("1.51"))
                .body("MinAPIVersion", equalTo("1.24"))
                .body("Os", equalTo("linux"))
                .body("Arch", notNullValue())
                .body("KernelVersion", notNullValue())
                .body("Components[0].Name", equalTo("Engine"))
                .body("Components[0].Details.ApiVersion", equalTo("1.51"));
    }

    @Test
    void infoHasWhatClientsRead() {
        api().get("/info").then()
                .statusCode(200)
                .body("NCPU", greaterThan(0))
                .body("MemTotal", greaterThan(0L))
                .body("OSType", equalTo("linux"))
                .body("Swarm.LocalNodeState", equalTo("inactive"))
                .body("Plugins.Network", hasItems("bridge", "host", "null"))
                .body("Labels.size()", equalTo(0))
                .body("Warnings", nullValue())
                .body("FirewallBackend.Driver", equalTo("simulated"));
    }

    @Test
    void infoFollowsTheRequestedVersion() {
        Response old = api().get("/v1.41/info");
        assertThat(old.jsonPath().getMap("$")).containsKey("BridgeNfIptables").doesNotContainKey("FirewallBackend");
        Response current = api().get("/v1.51/info");
        assertThat(current.jsonPath().getMap("$")).doesNotContainKey("BridgeNfIptables").containsKey("FirewallBackend");
    }

    @Test
    void jsonBodiesEndWithANewlineLikeGo() {
        assertThat(api().get("/version").asString()).endsWith("}\n");
        assertThat(api().get("/nosuch").asString()).isEqualTo("{\"message\":\"page not found\"}\n");
    }

    @Test
    void tooNewVersionIsRejectedAsJson() {
        api().get("/v1.99/version").then()
                .statusCode(400)
                .contentType("application/json")
                .header("Api-Version", "1.51")
                .header("Docker-Experimental", nullValue())
                .body("message", equalTo("client version 1.99 is too new. Maximum supported API version is 1.51"));
    }

    @Test
    void tooOldVersionIsRejectedAsPlainText() {
        api().get("/v1.23/version").then()
                .statusCode(400)
                .contentType(startsWith("text/plain"))
                .header("X-Content-Type-Options", "nosniff")
                .body(equalTo("client version 1.23 is too old. Minimum supported API version is 1.24, "
                        + "please upgrade your client to a newer version\n"));
        api().get("/v1/version").then().statusCode(400)
                .body(startsWith("client version 1 is too old."));
    }

    @Test
    void malformedVersionPrefixIsAnUnknownPage() {
        for (String path : new String[] {"/vabc/version", "/V1.41/version", "/v1.41abc/version", "/v1.41"}) {
            api().get(path).then().statusCode(404).body("message", equalTo("page not found"))
                    .header("Api-Version", nullValue());
        }
    }

    @Test
    void unknownPathsAndMethodsAreNotFound() {
        api().get("/nosuch").then().statusCode(404).body("message", equalTo("page not found"));
        api().post("/_ping").then().statusCode(404).body("message", equalTo("page not found"));
        api().delete("/v1.41/version").then().statusCode(404).body("message", equalTo("page not found"));
        api().head("/v1.41/version").then().statusCode(404);
    }

    @Test
    void optionsAnswersEmpty200ForAnyPath() {
        api().options("/anything/at/all").then().statusCode(200).header("Content-Length", "0").body(emptyString());
    }
}
