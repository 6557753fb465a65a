package io.netdock.system.web;

import io.netdock.api.DockerHeaders;
import io.netdock.api.ServerIdentity;
import io.netdock.api.VersionedPath;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET} and {@code HEAD /_ping} (also under a supported {@code /v{X.Y}} prefix), answered by Jetty before the
 * servlet chain: clients ping before every session and health checks ping in a loop, and dockerd's answer is a
 * fixed two bytes that needs none of Spring MVC's filters, mapping or conversion (bench/README, "ping"). Every
 * other request, a ping under an unsupported version included, goes on to the servlets unchanged.
 */
public final class PingHandler extends Handler.Wrapper {

    /** The routes this handler serves, as the contract lists them. */
    public static final List<String> ROUTES = List.of("GET /_ping", "HEAD /_ping");

    private static final String PATH = "/_ping";
    private static final byte[] OK = "OK".getBytes(StandardCharsets.UTF_8);

    private final HttpFields headers;

    PingHandler(ServerIdentity identity) {
        HttpFields.Mutable fields = HttpFields.build();
        DockerHeaders.each(identity, fields::put);
        fields.put("Cache-Control", "no-cache, no-store, must-revalidate");
        fields.put("Pragma", "no-cache");
        fields.put("Builder-Version", "1");
        fields.put("Swarm", "inactive");
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        this.headers = fields.asImmutable();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (!(head || HttpMethod.GET.is(request.getMethod())) || !isPing(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        response.setStatus(200);
        HttpFields.Mutable out = response.getHeaders();
        out.add(headers);
        if (head) {
            out.put(HttpHeader.CONTENT_LENGTH, 0);
            response.write(true, null, callback);
        } else {
            out.put(HttpHeader.CONTENT_LENGTH, OK.length);
            response.write(true, ByteBuffer.wrap(OK), callback);
        }
        return true;
    }

    private static boolean isPing(String path) {
        if (PATH.equals(path)) {
            return true;
        }
        if (path == null || !path.endsWith(PATH) || !path.startsWith("/v")) {
            return false;
        }
        VersionedPath versioned = VersionedPath.of(path);
        return PATH.equals(versioned.route()) && versioned.supported();
    }
}
