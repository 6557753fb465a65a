package io.netdock.kernel.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Test helper: a TCP server bound inside a namespace that answers each connection with a greeting naming
 * itself, and a client that connects from inside another namespace.
 */
public final class EchoServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String name;
    private final Thread acceptor;

    private EchoServer(ServerSocket socket, String name) {
        this.socket = socket;
        this.name = name;
        this.acceptor = new Thread(this::serve, "echo-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Binds {@code address:port} inside {@code namespace} (the socket is created on a thread inside it). */
    public static EchoServer start(Path namespace, String address, int port, String name) throws Exception {
        ServerSocket server = InNamespace.call(namespace, () -> {
            ServerSocket created = new ServerSocket();
            created.bind(new InetSocketAddress(address, port));
            return created;
        });
        return new EchoServer(server, name);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept(); OutputStream out = connection.getOutputStream()) {
                out.write(("hello from " + name + " to " + connection.getInetAddress().getHostAddress() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Connects from inside {@code namespace} and returns the greeting; a blocked path ends in a timeout. */
    public static String fetch(Path namespace, String address, int port, int timeoutMillis) throws Exception {
        return InNamespace.call(namespace, () -> {
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(address, port), timeoutMillis);
                client.setSoTimeout(timeoutMillis);
                InputStream in = client.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        });
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
