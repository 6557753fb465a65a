package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.netdock.testing.ApiClient;
import io.netdock.testing.StateFingerprint;
import io.netdock.testing.WholeApplication;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15, point 10: input Docker answers with a 500 or silently accepts is a 4xx at create here, in words
 * that say what is wrong, and nothing is stored (networks, containers, kernel, rows).
 */
class BadCreateInputIT extends WholeApplication {

    @Autowired
    DataSource database;

    private ApiClient client;
    private StateFingerprint before;

    @BeforeEach
    void fixture() {
        client = ApiClient.tcp(port);
        before = StateFingerprint.of(client, database);
    }

    @AfterEach
    void nothingStored() {
        assertThat(StateFingerprint.of(client, database)).isEqualTo(before);
        client.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "bridge name with a space | com.docker.network.bridge.name | br x | invalid bridge name \"br x\": an interface "
                + "name has no whitespace, '/' or ':' and is not \".\" or \"..\" (invalid argument)",
        "bridge name of 16 bytes | com.docker.network.bridge.name | abcdefghijklmnop | invalid bridge name "
                + "\"abcdefghijklmnop\": an interface name is at most 15 bytes (numerical result out of range)",
        "negative MTU | com.docker.network.driver.mtu | -5 | invalid MTU number: -5 (a bridge's MTU is 68 to 65535)",
        "MTU above the kernel's | com.docker.network.driver.mtu | 65536 | invalid MTU number: 65536 (a bridge's MTU is "
                + "68 to 65535)",
        "MTU not a number | com.docker.network.driver.mtu | 1500b | failed to parse com.docker.network.driver.mtu "
                + "value: 1500b (strconv.Atoi: parsing \"1500b\": invalid syntax)"})
    void networkOptions(String what, String option, String value, String message) {
        api().contentType("application/json")
                .body("{\"Name\":\"bad-create-n\",\"Options\":{\"" + option + "\":\"" + value + "\"}}")
                .post("/networks/create")
                .then().statusCode(400).body("message", equalTo(message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "exposed port of an unknown protocol | 400 | `{\"ExposedPorts\":{\"80/xyz\":{}}}` "
                + "| invalid proto: xyz (a port's protocol is tcp, udp or sctp)",
        "published port of an unknown protocol | 400 | `{\"HostConfig\":{\"PortBindings\":{\"80/xyz\":[{\"HostPort\":"
                + "\"8080\"}]}}}` | invalid proto: xyz (a port's protocol is tcp, udp or sctp)",
        "extra host without an address | 400 | `{\"HostConfig\":{\"ExtraHosts\":[\"no-ip-here\"]}}` "
                + "| bad format for add-host: \"no-ip-here\"",
        "extra host with a name for an address | 400 | `{\"HostConfig\":{\"ExtraHosts\":[\"db:not-an-ip\"]}}` "
                + "| invalid IP address in add-host: \"not-an-ip\"",
        "DNS server that is a name | 400 | `{\"HostConfig\":{\"Dns\":[\"dns.example\"]}}` "
                + "| invalid DNS server \"dns.example\": IP address is not correctly formatted",
        "network of a container that does not exist | 404 | `{\"HostConfig\":{\"NetworkMode\":"
                + "\"container:bad-create-missing\"}}` | No such container: bad-create-missing"})
    void containerSettings(String what, int status, String settings, String message) {
        String body = "{\"Image\":\"busybox\"," + settings.substring(1);
        api().contentType("application/json").body(body).post("/containers/create?name=bad-create-c")
                .then().statusCode(status).body("message", equalTo(message));
    }
}
