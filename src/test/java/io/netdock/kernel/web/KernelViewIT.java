package io.netdock.kernel.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.netdock.testing.WholeApplication;
import org.junit.jupiter.api.Test;

/** {@code GET /netdock/kernel} in the default (simulated) mode. */
class KernelViewIT extends WholeApplication {

    @Test
    void showsTheHostNamespaceAndNetdocksTable() {
        api().get("/v1.51/netdock/kernel").then().statusCode(200)
                .body("Mode", equalTo("simulated"))
                .body("Namespaces[0].Name", equalTo("host"))
                .body("Namespaces[0].Links[0].Name", equalTo("lo"))
                .body("Namespaces[0].Links[0].Label", equalTo("lo"))
                .body("Namespaces[0].Links[0].Kind", equalTo("loopback"))
                .body("Namespaces[0].Links[0].Up", equalTo(true))
                .body("Namespaces[0].Addresses[0]", equalTo("127.0.0.1/8 dev lo"))
                .body("Ruleset", startsWith("table inet netdock {\n\tchain prerouting {\n"));
    }
}
