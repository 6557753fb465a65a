package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.RunningNetdock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Where the TCP listener may bind: loopback freely, anything else only with client verification or consent. */
@ExtendWith(OutputCaptureExtension.class)
class TcpListenerIT {

    @Test
    void everyInterfaceWithoutTlsRefusesToStartAndListensNowhere() {
        Path state = RunningNetdock.newStateDir();
        assertThat(RunningNetdock.refusal(state, "--server.address=0.0.0.0"))
                .hasStackTraceContaining("refusing to listen on tcp port 0 of every interface over plain HTTP without "
                        + "TLS (no encryption, no authentication)");
        assertThat(state.resolve("docker.sock")).doesNotExist();
    }

    @Test
    void insecureTcpStartsAndWarnsWhatIsExposed(CapturedOutput output) throws Exception {
        try (RunningNetdock netdock = RunningNetdock.start("--server.address=0.0.0.0", "--netdock.tcp.insecure=true")) {
            assertThat(ping("127.0.0.1", netdock.port())).isEqualTo("OK");
            assertThat(output.getOut()).contains("WARN").contains("netdock.tcp.insecure=true: the Docker API on tcp port "
                    + netdock.port() + " of every interface is served over plain HTTP without TLS (no encryption, no "
                    + "authentication). Anyone who can reach it can create, change and remove networks and containers "
                    + "and publish ports on this host.");
        }
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.2, 127.0.0.2", "::1, [::1]"})
    void anyLoopbackAddressIsFineWithoutTls(String address, String host, CapturedOutput output) throws Exception {
        try (RunningNetdock netdock = RunningNetdock.start("--server.address=" + address)) {
            assertThat(ping(host, netdock.port())).isEqualTo("OK");
            assertThat(output.getOut()).contains("export DOCKER_HOST=tcp://" + host + ":" + netdock.port())
                    .doesNotContain("netdock.tcp.insecure=true:");
        }
    }

    private static String ping(String host, int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/_ping"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
