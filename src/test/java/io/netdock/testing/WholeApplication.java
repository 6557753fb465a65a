package io.netdock.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application under test, base of the {@code *IT} tests that need it (a base class, so not named
 * {@code *Test} or {@code *IT}): the application on a random loopback TCP port and a Unix socket in a
 * throwaway state directory (one per test JVM; tests use unique names rather than a clean slate).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WholeApplication {

    protected static final Path STATE_DIR = createStateDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void stateDirectory(DynamicPropertyRegistry registry) {
        registry.add("netdock.state-dir", STATE_DIR::toString);
        // never the machine's nameservers: a forwarded query must not leave the machine
        registry.add("netdock.dns.host-resolv-conf", () -> STATE_DIR.resolve("no-host-resolv.conf").toString());
    }

    /** REST Assured over TCP, unprefixed paths (the server's newest API version). */
    protected RequestSpecification api() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port).urlEncodingEnabled(true);
    }

    protected Path socket() {
        return STATE_DIR.resolve("docker.sock");
    }

    private static Path createStateDir() {
        try {
            return Files.createTempDirectory("netdock-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
