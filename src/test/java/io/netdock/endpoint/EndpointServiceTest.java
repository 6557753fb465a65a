package io.netdock.endpoint;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.network.Network;
import io.netdock.network.TestNetworks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Docker 25+'s endpoint settings rules ({@link EndpointService#validate}), which an API client meets at create,
 * connect and start; checked here without the application.
 */
class EndpointServiceTest {

    /** The rules need neither the store nor the kernel. */
    private final EndpointService service = new EndpointService(null, null, null, null, null);

    private final Network user = TestNetworks.bridge(TestNetworks.id('a'), "user-net", "10.5.0.0/24", "10.5.0.1");
    private final Network defaultBridge = TestNetworks.bridge(TestNetworks.id('b'), "bridge", "172.17.0.0/16",
            "172.17.0.1");

    private static EndpointConfig config(String ipv4, String ipv6, List<String> aliases, String mac) {
        return new EndpointConfig(ipv4, ipv6, null, null, aliases, mac, null, 0);
    }

    @Test
    void aStaticAddressInsideTheUsersSubnetIsAccepted() {
        assertThatCode(() -> service.validate(user, config("10.5.0.9", null, List.of("web"), "02:42:0a:05:00:09")))
                .doesNotThrowAnyException();
        assertThatCode(() -> service.validate(defaultBridge, EndpointConfig.NONE)).doesNotThrowAnyException();
    }

    @Test
    void theDefaultBridgeTakesNeitherStaticAddressesNorAliasesAndSaysBoth() {
        assertThatThrownBy(() -> service.validate(defaultBridge, config("172.17.0.9", null, List.of("web"), null)))
                .isInstanceOf(InvalidEndpointSettings.class)
                .hasMessage("invalid endpoint settings:\n"
                        + "* user-specified IP address is supported on user-defined networks only\n"
                        + "* network-scoped aliases are only supported for user-defined networks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "010.5.0.1", "10.5.0.256", "fd00::1", "10.5.0.1/24", "localhost"})
    void anIpv4AddressMustBeOneStrictly(String address) {
        assertThatThrownBy(() -> service.validate(user, config(address, null, null, null)))
                .hasMessage("invalid endpoint settings:\ninvalid IPv4 address: " + address);
    }

    @Test
    void anIpv6AddressMustBeOne() {
        assertThatThrownBy(() -> service.validate(user, config(null, "10.5.0.9", null, null)))
                .hasMessage("invalid endpoint settings:\ninvalid IPv6 address: 10.5.0.9");
    }

    @Test
    void aStaticAddressMustLieInAConfiguredSubnet() {
        assertThatThrownBy(() -> service.validate(user, config("10.6.0.9", null, null, null)))
                .hasMessage("invalid endpoint settings:\n"
                        + "no configured subnet or ip-range contain the IP address 10.6.0.9");
        assertThatThrownBy(() -> service.validate(user, config(null, "fd00::9", null, null)))
                .hasMessage("invalid endpoint settings:\nuser specified IP address is supported only when "
                        + "connecting to networks with user configured subnets");
    }

    @Test
    void aMacAddressMustBeOne() {
        assertThatThrownBy(() -> service.validate(user, config(null, null, null, "02:42:0a:05:00")))
                .hasMessage("invalid endpoint settings:\ninvalid MAC address: 02:42:0a:05:00");
    }
}
