package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.NetdockApplication;
import io.netdock.testing.UnixSocketClient;
import io.netdock.testing.WholeApplication;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Unix socket listener: same API as TCP, access mode, one daemon per socket, stale sockets. */
class UnixSocketIT extends WholeApplication {

    @Test
    void servesTheSameApiOverTheSocket() throws Exception {
        try (UnixSocketClient client = new UnixSocketClient(socket())) {
            ContentResponse ping = client.get("/v1.41/_ping");
            assertThat(ping.getStatus()).isEqualTo(200);
            assertThat(ping.getContentAsString()).isEqualTo("OK");
            assertThat(ping.getHeaders().get("Api-Version")).isEqualTo("1.51");

            ContentResponse version = client.get("/version");
            assertThat(version.getStatus()).isEqualTo(200);
            assertThat(version.getContentAsString()).contains("\"ApiVersion\":\"1.51\"");

            ContentResponse tooNew = client.get("/v1.99/version");
            assertThat(tooNew.getStatus()).isEqualTo(400);
            assertThat(tooNew.getContentAsString())
                    .isEqualTo("{\"message\":\"client version 1.99 is too new. Maximum supported API version is 1.51\"}\n");
        }
    }

    @Test
    void socketIsReadableAndWritableByOwnerAndGroupOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-rw----");
    }

    @Test
    void aSecondDaemonOnTheSameSocketRefusesToStart() {
        Path otherState = STATE_DIR.resolveSibling(STATE_DIR.getFileName() + "-second");
        assertThatThrownBy(() -> start("--netdock.state-dir=" + otherState, "--netdock.socket=" + socket()).close())
                .hasStackTraceContaining("another daemon is already listening on " + socket());
        assertThat(socket()).exists();
    }

    @Test
    void aStaleSocketFromACrashIsReplaced() throws Exception {
        Path state = Files.createTempDirectory("netdock-stale");
        Path stale = state.resolve("docker.sock");
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(stale).exists();
        try (ConfigurableApplicationContext second = start("--netdock.state-dir=" + state);
             UnixSocketClient client = new UnixSocketClient(stale)) {
            assertThat(client.get("/_ping").getContentAsString()).isEqualTo("OK");
        }
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        Path state = Files.createTempDirectory("netdock-restart");
        String firstId;
        try (ConfigurableApplicationContext first = start("--netdock.state-dir=" + state);
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            firstId = engineId(client);
        }
        assertThat(state.resolve("netdock.mv.db")).exists();
        try (ConfigurableApplicationContext second = start("--netdock.state-dir=" + state);
             UnixSocketClient client = new UnixSocketClient(state.resolve("docker.sock"))) {
            assertThat(engineId(client)).isEqualTo(firstId);
        }
    }

    private static String engineId(UnixSocketClient client) {
        String info = client.get("/info").getContentAsString();
        int start = info.indexOf("\"ID\":\"") + 6;
        return info.substring(start, info.indexOf('"', start));
    }

    static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        return new SpringApplicationBuilder(NetdockApplication.class).run(all);
    }
}
