package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.ApiClient;
import io.netdock.testing.ApiClient.Reply;
import io.netdock.testing.StateFingerprint;
import io.netdock.testing.WholeApplication;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bad requests the brief names, one by one, on the real POST routes: wrong Content-Type, malformed JSON, values
 * of the wrong type, names that would break out of an nftables rule, absurd query values. Each gets Docker's status
 * and words, and nothing changes (networks, containers, kernel, rows).
 */
class BadRequestsIT extends WholeApplication {

    @Autowired
    DataSource database;

    private ApiClient client;
    private StateFingerprint before;

    @BeforeEach
    void fixture() {
        client = ApiClient.tcp(port);
        if (client.get("/networks/bad-n").status() == 404) {
            assertThat(client.post("/networks/create", "{\"Name\":\"bad-n\",\"IPAM\":{\"Config\":[{\"Subnet\":"
                    + "\"10.124.0.0/24\"}]}}").status()).isEqualTo(201);
            assertThat(client.post("/containers/create?name=bad-c", "{\"Image\":\"busybox\"}").status()).isEqualTo(201);
        }
        before = StateFingerprint.of(client, database);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/networks/create", "/containers/create", "/networks/bad-n/connect"})
    void aNonJsonContentTypeIsRefusedWithDockersWords(String route) {
        assertRefused(client.post(route, "text/plain", "{\"Name\":\"bad-x\",\"Image\":\"busybox\",\"Container\":\"bad-c\"}"),
                400, "unsupported Content-Type header (text/plain): must be 'application/json'");
        assertRefused(client.post(route, "text/plain; charset=utf-8", "{}"),
                400, "unsupported Content-Type header (text/plain; charset=utf-8): must be 'application/json'");
        assertRefused(client.send(client.request("POST", route).headers(h -> h.put("Content-Type", ";;;"))
                        .body(new org.eclipse.jetty.client.StringRequestContent("{}"))),
                400, "malformed Content-Type header (;;;): mime: no media type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/networks/create", "/containers/create", "/networks/bad-n/connect"})
    void malformedJsonIsRefusedWithDockersWords(String route) {
        assertRefused(client.post(route, "{\"Name\":"), 400, "invalid JSON: unexpected EOF");
        assertRefused(client.post(route, "{bad"), 400,
                "invalid JSON: invalid character 'b' looking for beginning of value");
        assertRefused(client.post(route, "{\"Name\":\"bad-x\",\"Container\":\"bad-c\"} {}"), 400,
                "unexpected content after JSON");
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedLikeGosDecoder() {
        assertRefused(client.post("/networks/create", "[]"), 400,
                "invalid JSON: json: cannot unmarshal array into Go value of type NetworkCreateRequest");
        assertRefused(client.post("/containers/create", "{\"Image\":\"busybox\",\"Env\":[{}]}"), 400,
                "invalid JSON: json: cannot unmarshal object into Go struct field ContainerConfigWrapper.Env of type string");
        assertRefused(client.post("/containers/create", "{\"Image\":\"busybox\",\"StopTimeout\":1e100}"), 400,
                "invalid JSON: json: cannot unmarshal number 1.0E100 into Go struct field ContainerConfigWrapper."
                        + "StopTimeout of type int");
        assertRefused(client.post("/containers/create", "{\"Image\":\"busybox\",\"HostConfig\":{\"PortBindings\":"
                        + "{\"80/tcp\":[5]}}}"), 400,
                "invalid JSON: json: cannot unmarshal number into Go struct field HostConfig.HostConfig.PortBindings "
                        + "of type nat.PortBinding");
        assertRefused(client.post("/networks/bad-n/connect", "{\"Container\":[]}"), 400,
                "invalid JSON: json: cannot unmarshal array into Go struct field NetworkConnect.Container of type string");
        assertRefused(client.post("/networks/bad-n/connect", "\"bad-c\""), 400,
                "invalid JSON: json: cannot unmarshal string into Go value of type types.NetworkConnect");
    }

    @Test
    void bridgeNamesThatWouldBreakOutOfAFirewallRuleAreRefused() {
        for (String name : new String[] {"\";flush", "br\"accept#", "br*", "x*", "a\\b", "br\u0001"}) {
            assertRefused(client.post("/networks/create", "{\"Name\":\"bad-br\",\"Options\":{\"com.docker.network."
                            + "bridge.name\":" + HostileJson.JSON.writeValueAsString(name) + "}}"), 400,
                    "invalid bridge name " + io.netdock.go.Strconv.quote(name) + ": netdock does not accept '\"', "
                            + "'\\', '*' or control characters in interface names");
        }
        assertRefused(client.post("/networks/create", "{\"Name\":\"bad-br\",\"Options\":{\"com.docker.network.bridge."
                + "name\":\"abcdefghijklmnop\"}}"), 400, "invalid bridge name \"abcdefghijklmnop\": an interface name is at "
                + "most 15 bytes (numerical result out of range)");
        assertRefused(client.post("/networks/create", "{\"Name\":\"bad-br\",\"Options\":{\"com.docker.network.bridge."
                + "name\":\"lo\"}}"), 500, "existing interface lo is not a bridge");
        assertRefused(client.post("/networks/create", "{\"Name\":\"bad-mtu\",\"Options\":{\"com.docker.network.driver."
                + "mtu\":\"99999\"}}"), 400, "invalid MTU number: 99999 (a bridge's MTU is 68 to 65535)");
    }

    /** Linux (and Docker) take any bytes but '/', ':' and ASCII whitespace: a Unicode space is a name. */
    @Test
    void aBridgeNameWithAUnicodeSpaceIsAcceptedLikeLinuxDoes() {
        Reply created = client.post("/networks/create", "{\"Name\":\"bad-unicode\",\"Options\":{\"com.docker.network."
                + "bridge.name\":\"br\u3000x\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(client.get("/netdock/kernel").body()).contains("br\u3000x");
        assertThat(client.delete("/networks/bad-unicode").status()).isEqualTo(204);
        assertThat(StateFingerprint.of(client, database)).isEqualTo(before);
    }

    @Test
    void hostilePortBindingsAndNamesAreRefused() {
        assertRefused(client.post("/containers/create", "{\"Image\":\"busybox\",\"HostConfig\":{\"PortBindings\":"
                + "{\"80/tcp\":[{\"HostIp\":\"1.2.3\",\"HostPort\":\"80\"}]}}}"), 400,
                "invalid host IP \"1.2.3\" in port binding");
        assertRefused(client.post("/containers/create", "{\"Image\":\"busybox\",\"HostConfig\":{\"PortBindings\":"
                + "{\"80/tcp\":[{\"HostPort\":\"99999\"}]}}}"), 400, "invalid port specification: \"99999\"");
        assertRefused(client.post("/containers/create?name=" + "a".repeat(1025), "{\"Image\":\"busybox\"}"), 400,
                "Invalid container name: a container name is at most 1024 characters long");
        assertRefused(client.post("/containers/create?name=../../etc", "{\"Image\":\"busybox\"}"), 400,
                "Invalid container name (../../etc), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        Reply longName = client.post("/containers/create?name=" + "b".repeat(1024), "{\"Image\":\"busybox\"}");
        assertThat(longName.status()).as(longName.toString()).isEqualTo(201);
        assertThat(client.delete("/containers/" + "b".repeat(1024)).status()).isEqualTo(204);
    }

    @Test
    void absurdQueryValuesGetDockersAnswersAndChangeNothing() {
        // dockerd answers 500 with Go's strconv error for these (its routers return it unwrapped)
        assertRefused(client.post("/containers/bad-c/stop?t=abc"), 500, "strconv.Atoi: parsing \"abc\": invalid syntax");
        assertRefused(client.post("/containers/bad-c/restart?t=abc"), 500,
                "strconv.Atoi: parsing \"abc\": invalid syntax");
        assertRefused(client.post("/containers/bad-c/restart?t=99999999999999999999"), 500,
                "strconv.Atoi: parsing \"99999999999999999999\": value out of range");
        assertRefused(client.get("/events?since=99999999999999999999&until=1"), 500,
                "strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
        assertRefused(client.get("/containers/json?limit=abc"), 400, "invalid value for limit: abc");
        assertRefused(client.post("/containers/bad-c/kill?signal=99999"), 400, "Invalid signal: 99999");
        assertRefused(client.get("/networks?filters=%7Bbad"), 400, "invalid filter");
        assertRefused(client.get("/containers/bad-c/archive?path=..%2F..%2Fetc%2Fpasswd"), 404,
                "Could not find the file ../../etc/passwd in container bad-c");
        // a far-away since is no error of its own (it was a 500 "long overflow"), only later than until
        assertRefused(client.get("/events?since=99999999999&until=1"), 400,
                "`since` time (99999999999) cannot be after `until` time (1)");
        // values Go parses fine: the (stopped) container stays stopped
        assertThat(client.post("/containers/bad-c/stop?t=-1").status()).isEqualTo(304);
        assertThat(client.post("/containers/bad-c/stop?t=99999999999").status()).isEqualTo(304);
        assertThat(client.post("/containers/bad-c/kill?signal=").status()).isEqualTo(409);
        assertThat(StateFingerprint.of(client, database)).isEqualTo(before);
    }

    private void assertRefused(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.message()).isEqualTo(message);
        assertThat(StateFingerprint.of(client, database)).as("state after %s", reply).isEqualTo(before);
    }
}
