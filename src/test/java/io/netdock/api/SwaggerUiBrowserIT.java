package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.WholeApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI in a real browser (Debian's chromium, driven through its chromedriver): the page loads the contract,
 * and "Try it out" + "Execute" on network create, with the example as it is, creates the network. Without the
 * browser the test is skipped, unless {@code NETDOCK_REQUIRE_BROWSER=1} (CI) makes that a failure.
 */
class SwaggerUiBrowserIT extends WholeApplication {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void networkCreateRunsFromSwaggerUiAsItIs() throws IOException {
        requireBrowser();
        api().delete("/networks/my-network");
        Path profile = Files.createTempDirectory("netdock-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options(profile));
        try {
            browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.id("operations-Network-NetworkCreate")));
            assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("netdock");
            assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                    .as("no trailing-slash twins in the list")
                    .noneMatch(path -> path.getAttribute("data-path").endsWith("/"));

            operation.findElement(By.cssSelector(".opblock-summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector(".try-out__btn"))))
                    .click();
            WebElement body = wait.until(ExpectedConditions.visibilityOf(
                    operation.findElement(By.cssSelector(".body-param__text"))));
            assertThat(body.getAttribute("value")).contains("\"my-network\"").doesNotContain("additionalProp");
            operation.findElement(By.cssSelector(".execute")).click();
            By liveStatus = By.cssSelector(
                    "#operations-Network-NetworkCreate .live-responses-table tbody tr.response td.response-col_status");
            wait.until(ExpectedConditions.textMatches(liveStatus, java.util.regex.Pattern.compile("\\d{3}")));
            assertThat(browser.findElement(liveStatus).getText()).as("the answer Swagger UI shows").startsWith("201");

            api().get("/networks/my-network").then().statusCode(200);
        } finally {
            browser.quit();
            api().delete("/networks/my-network");
            deleteTree(profile);
        }
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        return options;
    }

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("NETDOCK_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("no " + CHROMIUM + " or " + CHROMEDRIVER
                    + " (Debian's chromium and chromium-driver) but NETDOCK_REQUIRE_BROWSER=1");
        }
        Assumptions.assumeTrue(present, "no " + CHROMIUM + " or " + CHROMEDRIVER
                + " (install Debian's chromium and chromium-driver)");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
