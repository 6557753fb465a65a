package io.netdock.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole application in linux mode on a {@link ThrowawayHost}, base of the {@code *LinuxKernelIT} tests (root
 * only; skipped or failed as {@link RealKernel} says). A subclass names its host and hands it to the application:
 * <pre>
 * private static final ThrowawayHost host = ThrowawayHost.named("ndk-xy");
 *
 * &#64;DynamicPropertySource
 * static void linuxMode(DynamicPropertyRegistry registry) {
 *     host.linuxMode(registry);
 * }
 * </pre>
 * The host is created before the application starts and removed after it stopped ({@link ThrowawayHost.PerClass}
 * comes before {@code @SpringBootTest}); the context is not reused by another class.
 */
@RealKernel
@ExtendWith(ThrowawayHost.PerClass.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class WholeLinuxApplication {

    @LocalServerPort
    protected int port;

    /** REST Assured over TCP, unprefixed paths. */
    protected RequestSpecification api() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port);
    }
}
