package io.netdock.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A minimal keep-alive HTTP/1.1 client over a Unix socket: the same few lines of code for every daemon
 * measured, so client overhead is equal and small. One instance per thread.
 */
final class RawHttp implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final Path socket;
    private SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16);

    RawHttp(Path socket) {
        this.socket = socket;
    }

    Response call(String method, String path, String json) throws IOException {
        try {
            return exchange(method, path, json);
        } catch (IOException stale) {
            close();
            return exchange(method, path, json);
        }
    }

    private Response exchange(String method, String path, String json) throws IOException {
        if (channel == null) {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            in.clear().flip();
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: bench\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteBuffer request = ByteBuffer.allocate(head.length() + body.length);
        request.put(head.toString().getBytes(StandardCharsets.US_ASCII)).put(body).flip();
        while (request.hasRemaining()) {
            channel.write(request);
        }
        return readResponse(method.equals("HEAD"));
    }

    private Response readResponse(boolean head) throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (head || status == 204 || status == 304) {
            length = 0;
        }
        if (chunked) {
            for (int size = Integer.parseInt(readLine().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(readLine().split(";")[0].trim(), 16)) {
                readBytes(body, size);
                readLine();
            }
            readLine();
        } else if (length > 0) {
            readBytes(body, length);
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            byte b = nextByte();
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    /** In bulk: a byte at a time, a list of 1 000 networks (400 KB) cost the client milliseconds. */
    private void readBytes(ByteArrayOutputStream out, long count) throws IOException {
        long left = count;
        while (left > 0) {
            if (!in.hasRemaining()) {
                in.clear();
                if (channel.read(in) < 0) {
                    throw new IOException("connection closed by the daemon");
                }
                in.flip();
            }
            int n = (int) Math.min(left, in.remaining());
            out.write(in.array(), in.arrayOffset() + in.position(), n);
            in.position(in.position() + n);
            left -= n;
        }
    }

    private byte nextByte() throws IOException {
        if (!in.hasRemaining()) {
            in.clear();
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the daemon");
            }
            in.flip();
        }
        return in.get();
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            channel = null;
        }
    }
}
