package io.netdock.network.web;

import io.netdock.api.ApiVersion;
import io.netdock.network.Network;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code GET /networks}. From API 1.28 on (items carry no containers) it is put together from each
 * network's document written once. A {@link Network} is an immutable record that the store replaces when the
 * network changes, so a document stays valid while its record is the one listed; writing the documents was most
 * of a list's cost (~400 bytes of JSON per network).
 */
@Component
class NetworkListDocuments {

    /** Beyond this many entries per listed network, entries of removed networks are dropped (all, at once). */
    private static final int SLACK = 64;

    private final JsonMapper json;
    private final Map<String, Document> byId = new ConcurrentHashMap<>();

    NetworkListDocuments(JsonMapper json) {
        this.json = json;
    }

    /** The JSON array of the networks' documents as dockerd writes it, newline included. */
    byte[] list(List<Network> networks, ApiVersion version) {
        boolean withEnableIpv4 = version.atLeast("1.48");
        if (byId.size() > 2 * networks.size() + SLACK) {
            byId.clear();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + networks.size() * 512);
        body.write('[');
        for (int i = 0; i < networks.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(documentOf(networks.get(i), version, withEnableIpv4));
        }
        body.write(']');
        body.write('\n');
        return body.toByteArray();
    }

    /** Any document as dockerd writes it, newline included (the lists that carry containers are not kept). */
    byte[] write(Object document) {
        byte[] written = json.writeValueAsBytes(document);
        byte[] body = java.util.Arrays.copyOf(written, written.length + 1);
        body[written.length] = '\n';
        return body;
    }

    private byte[] documentOf(Network network, ApiVersion version, boolean withEnableIpv4) {
        Document known = byId.get(network.id());
        if (known != null && known.network() == network && known.withEnableIpv4() == withEnableIpv4) {
            return known.json();
        }
        byte[] written = json.writeValueAsBytes(NetworkResource.of(network, List.of(), version));
        byId.put(network.id(), new Document(network, withEnableIpv4, written));
        return written;
    }

    private record Document(Network network, boolean withEnableIpv4, byte[] json) {
    }
}
