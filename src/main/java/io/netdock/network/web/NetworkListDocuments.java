package io.netdock.network.web;

import io.netdock.api.ApiVersion;
import io.netdock.network.Network;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
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

    /**
     * Writes the JSON array of the networks' documents as dockerd writes it (newline included) to {@code out},
     * document by document, after telling {@code contentLength} its length: no
     * copy of the whole body is made (for 1 000 networks it is 400 KB, which the JVM's collector handles badly).
     */
    void writeList(List<Network> networks, ApiVersion version, IntConsumer contentLength, OutputStream out)
            throws IOException {
        boolean withEnableIpv4 = version.atLeast("1.48");
        if (byId.size() > 2 * networks.size() + SLACK) {
            byId.clear();
        }
        byte[][] documents = new byte[networks.size()][];
        int length = 3 + Math.max(0, networks.size() - 1); // [ ] \n and the commas
        for (int i = 0; i < documents.length; i++) {
            documents[i] = documentOf(networks.get(i), version, withEnableIpv4);
            length += documents[i].length;
        }
        contentLength.accept(length);
        out.write('[');
        for (int i = 0; i < documents.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(documents[i]);
        }
        out.write(']');
        out.write('\n');
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
