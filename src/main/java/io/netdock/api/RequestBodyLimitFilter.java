package io.netdock.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code netdock.max-request-body} with 413 and Docker's error body before
 * any route sees the request. A declared {@code Content-Length} is checked up front; a chunked body (no length)
 * is read up to the limit first, so nothing ever acts on a body that turns out to be too large.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final int limit;
    private final ServerIdentity identity;
    private final ErrorWriter errors;

    RequestBodyLimitFilter(long limit, ServerIdentity identity, ErrorWriter errors) {
        this.limit = Math.toIntExact(limit);
        this.identity = identity;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                refuse(response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Closes the connection too, so a client still uploading is not read any further. */
    private void refuse(HttpServletResponse response) throws IOException {
        DockerHeaders.addBase(response, identity);
        response.setHeader("Connection", "close");
        errors.writeJson(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "request body too large: the limit is " + limit + " bytes (netdock.max-request-body)");
    }

    /** The request with its (chunked) body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BufferedInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }

    private static final class BufferedInputStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BufferedInputStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body is already buffered; read it synchronously");
        }
    }
}
