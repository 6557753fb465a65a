package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.WholeApplication;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every request in http-examples/*.http against the application, in file order, so the examples stay
 * true. A request succeeds with a 2xx unless its title says {@code (expect NNN)}; {@code (expect a body)} also
 * asks for a non-empty answer. {@code {{$timestamp}}} is now in Unix seconds, as IntelliJ's HTTP client and VS
 * Code's REST Client fill it in; every other variable must be defined in both clients' environment files.
 */
class HttpExamplesIT extends WholeApplication {

    private static final Pattern EXPECT = Pattern.compile("\\(expect (\\d{3})\\)");
    private static final Pattern EXPECT_BODY = Pattern.compile("\\(expect a body\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([^}$]+)}}");
    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH) (\\S+)$");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Example(String file, String title, String method, String url, List<String> headers, String body,
                   int expectedStatus) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAnswersAsDocumented() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("http-examples"))) {
            files = listing.filter(p -> p.toString().endsWith(".http")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            examples.addAll(parse(file));
        }
        return examples.stream().map(example -> DynamicTest.dynamicTest(
                example.file() + ": " + example.title(), () -> run(example)));
    }

    private void run(Example example) {
        RequestSpecification request = api().urlEncodingEnabled(false);
        for (String header : example.headers()) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        if (!example.body().isBlank()) {
            request.body(example.body());
        }
        String path = example.url().replace("{{host}}", "").replace("{{v}}", "v1.51")
                .replace("{{$timestamp}}", String.valueOf(Instant.now().getEpochSecond()));
        Response response = request.request(example.method(), path);
        assertThat(response.statusCode())
                .as("%s %s answered %s", example.method(), path, response.asString())
                .isEqualTo(example.expectedStatus() > 0 ? example.expectedStatus() : response.statusCode());
        if (EXPECT_BODY.matcher(example.title()).find()) {
            assertThat(response.asString()).as("%s %s answers something", example.method(), path).isNotBlank();
        }
        if (example.expectedStatus() == 0) {
            assertThat(response.statusCode()).as("%s %s answered %s", example.method(), path, response.asString())
                    .isBetween(200, 299);
        }
    }

    @Test
    void bothClientsEnvironmentsDefineEveryVariableTheExamplesUse() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> listing = Files.list(Path.of("http-examples"))) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".http")).toList()) {
                Matcher variable = VARIABLE.matcher(Files.readString(file));
                while (variable.find()) {
                    used.add(variable.group(1));
                }
            }
        }
        JsonNode intellij = JSON.readTree(Path.of("http-examples/http-client.env.json").toFile()).path("dev");
        JsonNode vscode = JSON.readTree(Path.of("http-examples/rest-client.settings.json").toFile())
                .path("rest-client.environmentVariables").path("dev");
        assertThat(used).containsExactlyInAnyOrder("host", "v");
        for (String name : used) {
            assertThat(intellij.path(name).asString()).as("IntelliJ's %s", name).isNotEmpty()
                    .isEqualTo(vscode.path(name).asString());
        }
    }

    static List<Example> parse(Path file) throws IOException {
        List<Example> examples = new ArrayList<>();
        String[] blocks = Files.readString(file).split("(?m)^###");
        for (int i = 1; i < blocks.length; i++) {
            String[] lines = blocks[i].split("\n", -1);
            String title = lines[0].trim();
            Matcher expect = EXPECT.matcher(title);
            int expected = expect.find() ? Integer.parseInt(expect.group(1)) : 0;
            String method = null;
            String url = null;
            List<String> headers = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            boolean inBody = false;
            for (int l = 1; l < lines.length; l++) {
                String line = lines[l];
                if (method == null) {
                    Matcher request = REQUEST_LINE.matcher(line.trim());
                    if (request.matches()) {
                        method = request.group(1);
                        url = request.group(2);
                    }
                    continue;
                }
                if (!inBody && line.isBlank()) {
                    inBody = true;
                    continue;
                }
                if (!inBody) {
                    headers.add(line);
                } else if (!line.startsWith("#")) {
                    body.append(line).append('\n');
                }
            }
            if (method != null) {
                examples.add(new Example(file.getFileName().toString(), title, method, url, headers,
                        body.toString().trim(), expected));
            }
        }
        return examples;
    }
}
