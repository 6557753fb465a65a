package io.netdock.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.DnsSockets;
import io.netdock.kernel.Sandbox;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.kernel.spi.Kernel;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayNamespace;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resolver's sockets and the sandbox's {@code ip docker-dns} table in the real kernel: a process in the sandbox
 * that sends to {@code 127.0.0.11:53} reaches the resolver's random ports, and the reply comes back from port 53,
 * over UDP and TCP.
 */
@RealKernel
class ResolverRulesKernelIT {

    private static final String SANDBOX = "5a".repeat(32);
    private static final InetSocketAddress PORT_53 = new InetSocketAddress("127.0.0.11", 53);

    @RegisterExtension
    final ThrowawayNamespace namespace = new ThrowawayNamespace();

    private Kernel kernel;
    private BridgeDriver plumbing;

    @BeforeEach
    void open() {
        kernel = LinuxKernel.open(namespace.netnsDirectory(), namespace.name());
        plumbing = new BridgeDriver(kernel);
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void aUdpQueryTo127_0_0_11Port53ReachesTheResolverAndItsReplyComesFromPort53() throws Exception {
        Sandbox sandbox = plumbing.createSandbox(SANDBOX);
        try (DnsSockets resolver = plumbing.openResolver(SANDBOX)) {
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> echoOnce(resolver.udp()));

            String[] reply = InNamespace.call(Path.of(sandbox.key()), () -> {
                try (DatagramChannel client = DatagramChannel.open()) {
                    client.send(ByteBuffer.wrap("query".getBytes(StandardCharsets.US_ASCII)), PORT_53);
                    ByteBuffer buffer = ByteBuffer.allocate(100);
                    SocketAddress from = client.receive(buffer);
                    return new String[] {text(buffer), from.toString()};
                }
            });

            assertThat(served.get()).isEqualTo("query");
            assertThat(reply).containsExactly("reply to query", "/127.0.0.11:53");
        }
    }

    @Test
    void aTcpConnectionTo127_0_0_11Port53ReachesTheResolver() throws Exception {
        Sandbox sandbox = plumbing.createSandbox(SANDBOX);
        try (DnsSockets resolver = plumbing.openResolver(SANDBOX)) {
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel accepted = resolver.tcp().accept()) {
                    ByteBuffer buffer = ByteBuffer.allocate(100);
                    accepted.read(buffer);
                    String query = text(buffer);
                    accepted.write(ByteBuffer.wrap(("reply to " + query).getBytes(StandardCharsets.US_ASCII)));
                    return query;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            String[] reply = InNamespace.call(Path.of(sandbox.key()), () -> {
                try (SocketChannel client = SocketChannel.open(PORT_53)) {
                    client.write(ByteBuffer.wrap("query".getBytes(StandardCharsets.US_ASCII)));
                    ByteBuffer buffer = ByteBuffer.allocate(100);
                    client.read(buffer);
                    return new String[] {text(buffer), client.getRemoteAddress().toString()};
                }
            });

            assertThat(served.get()).isEqualTo("query");
            assertThat(reply).containsExactly("reply to query", "/127.0.0.11:53");
        }
    }

    @Test
    void afterTheResolverIsClosedNothingAnswersOnPort53AndNoRuleStays() throws Exception {
        Sandbox sandbox = plumbing.createSandbox(SANDBOX);
        plumbing.openResolver(SANDBOX).close();
        plumbing.closeResolver(SANDBOX);

        assertThat(kernel.namespace("5a5a5a5a5a5a").orElseThrow().ruleset()).isEmpty();
        boolean refused = InNamespace.call(Path.of(sandbox.key()), () -> {
            try (SocketChannel client = SocketChannel.open(PORT_53)) {
                return false;
            } catch (java.net.ConnectException expected) {
                return true;
            }
        });
        assertThat(refused).isTrue();
    }

    private static String echoOnce(DatagramChannel server) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(100);
            SocketAddress client = server.receive(buffer);
            String query = text(buffer);
            server.send(ByteBuffer.wrap(("reply to " + query).getBytes(StandardCharsets.US_ASCII)), client);
            return query;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(ByteBuffer buffer) {
        buffer.flip();
        return StandardCharsets.US_ASCII.decode(buffer).toString();
    }
}
