package io.netdock.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers what Jetty rejects before a request reaches the application (a header block or URI over
 * {@code server.max-http-request-header-size}, a malformed request line, conflicting framing headers, an
 * ambiguous or badly encoded path) with Docker's {@code {"message":"..."}} body instead of Jetty's HTML page.
 * Only Jetty's short reason phrase is sent: never a stack trace, exception or class name.
 */
@Component
class JsonErrorHandler extends ErrorHandler implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private final JsonMapper mapper;

    JsonErrorHandler(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> server.setErrorHandler(this));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object cause = request.getAttribute(ERROR_EXCEPTION);
        String message = null;
        if (cause instanceof HttpException rejected) {
            status = rejected.getCode();
            response.setStatus(status);
            message = rejected.getReason();
            // Jetty closes the connection after a request it refused; say so, or a client reusing it fails
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        } else if (cause == null) {
            message = (String) request.getAttribute(ERROR_MESSAGE);
        }
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        if (message == null || message.isBlank()) {
            message = HttpStatus.getMessage(status);
        }
        byte[] body = (mapper.writeValueAsString(Map.of("message", message)) + "\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
