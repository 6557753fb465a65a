package io.netdock.network.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.api.ApiVersion;
import io.netdock.network.Network;
import io.netdock.network.TestNetworks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The network list body, put together from kept documents, is what writing the whole list would give. */
class NetworkListDocumentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ApiVersion V141 = ApiVersion.parse("1.41");
    private static final ApiVersion V151 = ApiVersion.parse("1.51");

    private final NetworkListDocuments documents = new NetworkListDocuments(JSON);

    private static String whole(List<Network> networks, ApiVersion version) {
        return JSON.writeValueAsString(networks.stream().map(n -> NetworkResource.of(n, List.of(), version)).toList())
                + "\n";
    }

    private String listed(List<Network> networks, ApiVersion version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] announced = {-1};
        try {
            documents.writeList(networks, version, length -> announced[0] = length, body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        assertThat(announced[0]).as("the Content-Length told before the body").isEqualTo(body.size());
        return body.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBodyIsTheWholeListWrittenAtOnceForEachVersion() {
        List<Network> networks = List.of(TestNetworks.bridge(TestNetworks.id('a'), "a", "10.1.0.0/24", "10.1.0.1"),
                TestNetworks.bridge(TestNetworks.id('b'), "b", "10.2.0.0/24", "10.2.0.1"));
        assertThat(listed(networks, V141)).isEqualTo(whole(networks, V141)).doesNotContain("EnableIPv4");
        assertThat(listed(networks, V151)).as("kept per version").isEqualTo(whole(networks, V151))
                .contains("\"EnableIPv4\":true");
        assertThat(listed(networks, V141)).isEqualTo(whole(networks, V141));
        assertThat(listed(List.of(), V151)).isEqualTo("[]\n");
    }

    @Test
    void aReplacedNetworkRecordIsWrittenAgain() {
        Network before = TestNetworks.bridge(TestNetworks.id('c'), "before", "10.3.0.0/24", "10.3.0.1");
        assertThat(listed(List.of(before), V151)).contains("\"Name\":\"before\"");
        Network after = TestNetworks.bridge(TestNetworks.id('c'), "after", "10.3.0.0/24", "10.3.0.1");
        assertThat(listed(List.of(after), V151)).contains("\"Name\":\"after\"").doesNotContain("before");
    }
}
