package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyLimitFilterTest {

    private static final String TOO_LARGE =
            "{\"message\":\"request body too large: the limit is 16 bytes (netdock.max-request-body)\"}\n";

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(16, new ServerIdentity("test", "linux"),
            new ErrorWriter(JsonMapper.builder().build()));

    @Test
    void aDeclaredLengthOverTheLimitNeverReachesTheChain() throws Exception {
        MockHttpServletRequest request = post("{\"Name\":\"toolong\"}");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<HttpServletRequest> reached = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> reached.set((HttpServletRequest) req));
        assertThat(reached).hasNullValue();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getHeader("Api-Version")).isEqualTo("1.51");
        assertThat(response.getContentAsString()).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedBodyOverTheLimitNeverReachesTheChain() throws Exception {
        MockHttpServletRequest request = chunked("{\"Name\":\"toolong\"}");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<HttpServletRequest> reached = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> reached.set((HttpServletRequest) req));
        assertThat(reached).hasNullValue();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsPassedOnIntact() throws Exception {
        String body = "{\"Name\":\"n1\"}";
        AtomicReference<String> stream = new AtomicReference<>();
        AtomicReference<Long> length = new AtomicReference<>();
        filter.doFilter(chunked(body), new MockHttpServletResponse(), (req, res) -> {
            length.set(req.getContentLengthLong());
            stream.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        });
        assertThat(stream).hasValue(body);
        assertThat(length).hasValue((long) body.length());

        AtomicReference<String> reader = new AtomicReference<>();
        filter.doFilter(chunked(body), new MockHttpServletResponse(), (req, res) -> reader.set(readAll(req)));
        assertThat(reader).hasValue(body);
    }

    @Test
    void aDeclaredLengthWithinTheLimitIsUntouched() throws Exception {
        MockHttpServletRequest request = post("{\"Name\":\"n1\"}");
        AtomicReference<Object> reached = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> reached.set(req));
        assertThat(reached).hasValue(request);
    }

    private static String readAll(jakarta.servlet.ServletRequest request) throws IOException {
        StringBuilder text = new StringBuilder();
        request.getReader().lines().forEach(text::append);
        return text.toString();
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/networks/create");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** No declared length, like a chunked upload (MockHttpServletRequest reports -1 without content). */
    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/networks/create") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
