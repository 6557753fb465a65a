package io.netdock.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code {"message":...}\n} outside Spring MVC (filters, the servlet error page). */
public class ErrorWriter {

    private final JsonMapper mapper;

    public ErrorWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public void writeJson(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (mapper.writeValueAsString(new ErrorResponse(message)) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
