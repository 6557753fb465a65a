package io.netdock.dns;

import static io.netdock.dns.DnsFixtures.container;
import static io.netdock.dns.DnsFixtures.endpoint;
import static io.netdock.dns.DnsFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.DnsSockets;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The one server loop, on sockets the test binds on 127.0.0.1: several resolvers (the host listener's and a
 * sandbox's) served side by side, and TCP connections closed when they stay quiet, as Docker's resolver closes them.
 */
class ResolverLoopTest {

    private static final String CLIENT = "cccccccccccc3333333333333333333333333333333333333333333333333333";
    private static final Duration FIRST = Duration.ofMillis(300);
    private static final Duration IDLE = Duration.ofMillis(600);

    private final NameIndex index = new NameIndex();
    private final DnsService service = new DnsService(new DnsResolver(index, DnsOptions.DOCKER),
            (upstream, query, transport, containerId) -> {
                throw new IllegalStateException("nothing is forwarded here");
            });
    private final ResolverLoop loop = new ResolverLoop(service, FIRST, IDLE);

    ResolverLoopTest() {
        index.put(container(CLIENT, endpoint(CLIENT, "mynet", "172.18.0.4", null, List.of("client"))));
        index.put(container("web", endpoint("web", "mynet", "172.18.0.2", null, List.of("web"))));
    }

    @AfterEach
    void close() {
        loop.close();
    }

    private static DnsSockets sockets(String sandboxId) throws IOException {
        DatagramChannel udp = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServerSocketChannel tcp = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new DnsSockets(sandboxId, udp, tcp);
    }

    private static List<String> udp(DnsSockets at, String name) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(30_000);
            byte[] query = query(name, Type.A).toWire();
            socket.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), at.udpPort()));
            byte[] buffer = new byte[512];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return answers(Arrays.copyOf(buffer, reply.getLength()));
        }
    }

    private static List<String> answers(byte[] wire) throws IOException {
        return new Message(wire).getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    private static Socket tcp(DnsSockets at) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), at.tcpPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static List<String> ask(Socket socket, String name) throws IOException {
        return answers(TcpFraming.exchange(socket, query(name, Type.A).toWire()));
    }

    /** Blocks until the server closes the connection (the 30 s socket timeout would fail the test). */
    private static int endOfStream(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return in.read();
    }

    @Test
    void theHostListenerAndASandboxResolverAreServedSideBySideEachWithItsView() throws Exception {
        DnsSockets host = sockets(DnsSockets.HOST);
        DnsSockets sandbox = sockets("sandbox");
        loop.serve(Querier.host(), host);
        ResolverLoop.Served served = loop.serve(Querier.container(CLIENT), sandbox);

        assertThat(udp(sandbox, "web")).containsExactly("172.18.0.2");
        assertThat(udp(host, "web.mynet")).containsExactly("172.18.0.2");
        try (Socket socket = tcp(host)) {
            assertThat(ask(socket, "web.mynet")).containsExactly("172.18.0.2");
            assertThat(ask(socket, "client.mynet")).as("several queries on one connection")
                    .containsExactly("172.18.0.4");
        }

        loop.withdraw(served);
        assertThat(sandbox.udp().isOpen()).isFalse();
        assertThat(sandbox.tcp().isOpen()).isFalse();
        assertThat(udp(host, "web.mynet")).as("the others are still served").containsExactly("172.18.0.2");
    }

    @Test
    void aTcpConnectionThatSendsNoQueryIsClosedAfterTheReadTimeout() throws Exception {
        DnsSockets sockets = sockets("sandbox");
        loop.serve(Querier.container(CLIENT), sockets);
        try (Socket quiet = tcp(sockets)) {
            assertThat(endOfStream(quiet)).isEqualTo(-1);
        }
    }

    @Test
    void aTcpConnectionIsClosedWhenItStaysIdleAfterItsLastAnswer() throws Exception {
        DnsSockets sockets = sockets("sandbox");
        loop.serve(Querier.container(CLIENT), sockets);
        try (Socket socket = tcp(sockets)) {
            assertThat(ask(socket, "web")).containsExactly("172.18.0.2");
            assertThat(ask(socket, "web")).containsExactly("172.18.0.2");
            assertThat(endOfStream(socket)).isEqualTo(-1);
        }
    }
}
