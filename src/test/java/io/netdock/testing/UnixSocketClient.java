package io.netdock.testing;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.io.Transport;

/** A plain HTTP client over a Unix domain socket (Jetty's), for tests of the socket listener. */
public final class UnixSocketClient implements AutoCloseable {

    private final HttpClient client = new HttpClient();
    private final Path socket;

    public UnixSocketClient(Path socket) {
        this.socket = socket;
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public ContentResponse get(String path) {
        return send(request("GET", path));
    }

    public ContentResponse head(String path) {
        return send(request("HEAD", path));
    }

    public ContentResponse post(String path, String json) {
        return send(request("POST", path).body(new StringRequestContent("application/json", json)));
    }

    public Request request(String method, String path) {
        return client.newRequest("http://localhost" + path).method(method).transport(new Transport.TCPUnix(socket))
                .timeout(30, TimeUnit.SECONDS);
    }

    public ContentResponse send(Request request) {
        try {
            return request.send();
        } catch (Exception e) {
            throw new IllegalStateException("request over " + socket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
