package io.netdock.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one parser (strict, as Go's {@code net.ParseIP}) and the one printer (RFC 5952). */
class IpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "010.0.0.1", "1.2.3.04", "1.2.3.256", "1.2.3.4.5", "1..2.3", "0x1.2.3.4",
            " 1.2.3.4", "1.2.3.4 ", "", "localhost", "example.com", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
            "12345::", "fe80::1%eth0", "::ffff:1.2.3", "1.2.3.4::", "[::1]", ":1", "1:"})
    void refusesWhatGoRefusesAndNeverResolves(String text) {
        assertThat(IpAddresses.parseOrNull(text)).isNull();
        assertThat(IpAddresses.bytesOrNull(text)).isNull();
        assertThatThrownBy(() -> IpAddresses.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an IP address: " + text);
    }

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0, 0.0.0.0",
            "172.17.0.1, 172.17.0.1",
            "255.255.255.255, 255.255.255.255",
            "::, ::",
            "::1, ::1",
            "FD00:0:0:0:0:0:0:1, fd00::1",
            "fd00:0:0:1::1, fd00:0:0:1::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1",
            "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
            "fe80::42:acff:fe11:2, fe80::42:acff:fe11:2",
            "::ffff:10.0.0.1, 10.0.0.1",
            "64:ff9b::1.2.3.4, 64:ff9b::102:304"})
    void printsAsGoNetIpAndIpRoute2Do(String text, String printed) {
        InetAddress address = IpAddresses.parse(text);
        assertThat(IpAddresses.format(address)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"::ffff:10.0.0.1, ::ffff:10.0.0.1", "10.0.0.1, 10.0.0.1", "fe00::0, fe00::"})
    void bytesKeepAnIpv4MappedAddressAsNetipDoes(String text, String printed) {
        assertThat(IpAddresses.format(IpAddresses.bytesOrNull(text))).isEqualTo(printed);
    }
}
