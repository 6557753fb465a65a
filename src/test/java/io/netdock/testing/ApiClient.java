package io.netdock.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.io.Transport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thread-safe HTTP client for the Docker API of one netdock, over TCP or its Unix socket, for tests that send
 * many requests from many threads (load, crash, hostile input). Answers are {@link Reply} records.
 */
public final class ApiClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = new HttpClient();
    private final String base;
    private final Path socket;

    private ApiClient(String base, Path socket) {
        this.base = base;
        this.socket = socket;
        client.setMaxConnectionsPerDestination(64);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ApiClient tcp(int port) {
        return new ApiClient("http://127.0.0.1:" + port, null);
    }

    public static ApiClient unix(Path socket) {
        return new ApiClient("http://localhost", socket);
    }

    /** A status and body; {@code json()} parses the body. */
    public record Reply(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Docker's {@code {"message": ...}}, or null when the body is not that. */
        public String message() {
            try {
                JsonNode node = json();
                return node.isObject() && node.path("message").isString() ? node.path("message").asString() : null;
            } catch (RuntimeException notJson) {
                return null;
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Reply get(String path) {
        return send(request("GET", path));
    }

    public Reply delete(String path) {
        return send(request("DELETE", path));
    }

    public Reply post(String path) {
        return send(request("POST", path));
    }

    public Reply post(String path, String json) {
        return post(path, "application/json", json);
    }

    public Reply post(String path, String contentType, String body) {
        return send(request("POST", path).body(new BytesRequestContent(contentType,
                body.getBytes(StandardCharsets.UTF_8))));
    }

    public Request request(String method, String path) {
        Request request = client.newRequest(base + path).method(method).timeout(60, TimeUnit.SECONDS);
        return socket == null ? request : request.transport(new Transport.TCPUnix(socket));
    }

    /** Sends; a transport failure (e.g. the server was killed) is an {@link IllegalStateException}. */
    public Reply send(Request request) {
        try {
            ContentResponse response = request.send();
            return new Reply(response.getStatus(), response.getContentAsString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(request.getMethod() + " " + request.getPath() + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
