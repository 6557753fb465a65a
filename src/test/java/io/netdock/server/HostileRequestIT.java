package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.WholeApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests no Docker client sends: oversized bodies, headers and URIs, malformed framing. Each is answered with
 * Docker's {@code {"message":...}} body and the right status, never an HTML page or a stack trace, and never
 * reaches a route.
 */
class HostileRequestIT extends WholeApplication {

    private static final int LIMIT = 4 * 1024 * 1024;
    private static final String TOO_LARGE =
            "{\"message\":\"request body too large: the limit is 4194304 bytes (netdock.max-request-body)\"}\n";

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        RawResponse response = send(("POST /networks/create HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("content-type")).isEqualTo("application/json");
        assertThat(response.header("connection")).isEqualTo("close");
        assertThat(response.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused() throws IOException {
        RawResponse response = send(chunked("/networks/create", LIMIT + 1));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void bodiesUpToTheLimitGoThrough() throws IOException {
        byte[] head = ("POST /_ping HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\nContent-Length: " + LIMIT
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + LIMIT);
        Arrays.fill(request, head.length, request.length, (byte) ' ');
        assertThat(send(request)).satisfies(response -> {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"page not found\"}\n");
        });
        assertThat(send(chunked("/_ping", LIMIT))).satisfies(response -> {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"page not found\"}\n");
        });
    }

    @Test
    void theUnixSocketHasTheSameBodyLimit() throws IOException {
        RawResponse response = sendOverSocket(("POST /networks/create HTTP/1.1\r\nHost: d\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void anOversizedHeaderBlockIs431() throws IOException {
        RawResponse response = send(("GET /_ping HTTP/1.1\r\nHost: d\r\nX-Padding: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.header("content-type")).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Header Fields Too Large\"}\n");
    }

    @Test
    void theUnixSocketHasTheSameHeaderLimit() throws IOException {
        RawResponse response = sendOverSocket(("GET /_ping HTTP/1.1\r\nHost: d\r\nX-Padding: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Header Fields Too Large\"}\n");
    }

    @Test
    void anAbsurdUriIs414() throws IOException {
        RawResponse response = send(("GET /networks?filters=" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.body()).isEqualTo("{\"message\":\"URI Too Long\"}\n");
    }

    @Test
    void malformedRequestsAre400WithJettysReason() throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("GET /v1.41/networks/..%2f..%2fetc HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n",
                "Ambiguous URI path separator");
        reasons.put("GET /networks/%ff%fe HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n", "Bad UTF-8 encoding");
        reasons.put("POST /networks/create HTTP/1.1\r\nHost: d\r\nContent-Length: abc\r\n\r\n",
                "Invalid Content-Length Value");
        reasons.put("POST /networks/create HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\nContent-Length: 5"
                + "\r\n\r\n", "Transfer-Encoding and Content-Length");
        reasons.put("GARBAGE\r\n\r\n", "No URI");
        reasons.forEach((request, reason) -> {
            RawResponse response = send(request.getBytes(StandardCharsets.US_ASCII));
            assertThat(response.status()).as(request).isEqualTo(400);
            assertThat(response.header("content-type")).as(request).isEqualTo("application/json");
            assertThat(response.body()).as(request).isEqualTo("{\"message\":\"" + reason + "\"}\n");
        });
    }

    @Test
    void multipartBodiesAreNotParsed() {
        RawResponse response = send(("PATCH /_ping HTTP/1.1\r\nHost: d\r\nContent-Type: multipart/form-data; "
                + "boundary=x\r\nContent-Length: 7\r\nConnection: close\r\n\r\ngarbage")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"page not found\"}\n");
    }

    private static byte[] chunked(String path, int size) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(size) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + size + tail.length);
        Arrays.fill(request, head.length, head.length + size, (byte) ' ');
        System.arraycopy(tail, 0, request, head.length + size, tail.length);
        return request;
    }

    /** Writes raw bytes to the TCP listener and reads one response (status, headers, body). */
    private RawResponse send(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            return exchange(request, socket.getOutputStream(), socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("raw request failed: " + e.getMessage(), e);
        }
    }

    /** Writes raw bytes to the Unix socket and reads one response. */
    private RawResponse sendOverSocket(byte[] request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            return exchange(request, Channels.newOutputStream(channel), Channels.newInputStream(channel));
        }
    }

    private static RawResponse exchange(byte[] request, OutputStream out, InputStream in) throws IOException {
        try {
            out.write(request);
            out.flush();
        } catch (IOException refusedMidway) {
            // the server may answer and close before it has read everything; its answer is still there
        }
        return RawResponse.read(in);
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static RawResponse read(InputStream in) throws IOException {
            String[] head = readHead(in).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            if (status == 100) {
                return read(in);
            }
            byte[] body;
            if ("chunked".equals(headers.get("transfer-encoding"))) {
                body = readChunks(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes(); // delimited by the server closing the connection
            }
            return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] readChunks(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(readLine(in), 16); size > 0; size = Integer.parseInt(readLine(in), 16)) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
            return body.toByteArray();
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed inside a chunked body");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before the response head ended: " + head);
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String text = head.toString(StandardCharsets.US_ASCII);
            return text.substring(0, text.length() - 4);
        }
    }
}
