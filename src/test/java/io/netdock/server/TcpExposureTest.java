package io.netdock.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.web.server.Ssl;

class TcpExposureTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "localhost"})
    void loopbackAddressesStayOnThisHost(String address) throws UnknownHostException {
        TcpExposure plain = TcpExposure.of(InetAddress.getByName(address), null);
        assertThat(plain.loopbackOnly()).isTrue();
        assertThat(plain.openToTheNetwork()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "10.1.2.3", "192.168.0.1", "fd00::1", "128.0.0.1"})
    void otherAddressesAreOpenWithoutClientVerification(String address) throws UnknownHostException {
        InetAddress bound = InetAddress.getByName(address);
        assertThat(TcpExposure.of(bound, null).openToTheNetwork()).isTrue();
        assertThat(TcpExposure.of(bound, tls(Ssl.ClientAuth.NONE)).openToTheNetwork()).isTrue();
        assertThat(TcpExposure.of(bound, tls(Ssl.ClientAuth.WANT)).openToTheNetwork()).isTrue();
        assertThat(TcpExposure.of(bound, tls(Ssl.ClientAuth.NEED)).openToTheNetwork()).isFalse();
    }

    @Test
    void noAddressMeansEveryInterface() {
        TcpExposure everywhere = TcpExposure.of(null, null);
        assertThat(everywhere.loopbackOnly()).isFalse();
        assertThat(everywhere.openToTheNetwork()).isTrue();
        assertThat(everywhere.where(2375)).isEqualTo("tcp port 2375 of every interface");
    }

    @Test
    void theRefusalSaysWhatIsExposedAndTheWaysOut() throws UnknownHostException {
        StartupRefused refusal = TcpExposure.of(InetAddress.getByName("0.0.0.0"), null).refusal(2375);
        assertThat(refusal.getMessage()).isEqualTo("refusing to listen on tcp port 2375 of every interface over plain "
                + "HTTP without TLS (no encryption, no authentication): anyone who can reach that address could "
                + "control netdock");
        assertThat(refusal.action()).contains("netdock.tls.verify=true", "server.address=127.0.0.1",
                "netdock.tcp.insecure=true");
    }

    @Test
    void theWarningSaysExactlyWhatIsExposed() throws UnknownHostException {
        assertThat(TcpExposure.of(InetAddress.getByName("10.1.2.3"), null).warning(2375))
                .isEqualTo("netdock.tcp.insecure=true: the Docker API on tcp port 2375 of address 10.1.2.3 is served "
                        + "over plain HTTP without TLS (no encryption, no authentication). Anyone who can reach it "
                        + "can create, change and remove networks and containers and publish ports on this host. "
                        + "Prefer netdock.tls.verify=true.");
        assertThat(TcpExposure.of(InetAddress.getByName("::"), tls(Ssl.ClientAuth.NONE)).warning(2376))
                .isEqualTo("netdock.tcp.insecure=true: the Docker API on tcp port 2376 of every interface is served "
                        + "over TLS without client certificates (no authentication). Anyone who can reach it can "
                        + "create, change and remove networks and containers and publish ports on this host. "
                        + "Prefer netdock.tls.verify=true.");
    }

    private static Ssl tls(Ssl.ClientAuth clientAuth) {
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        ssl.setClientAuth(clientAuth);
        return ssl;
    }
}
