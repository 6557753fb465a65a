package io.netdock.network.web;

import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link NetworkResource} field by field, in dockerd's order and with its rules for empty members. The one
 * document not written as an {@code api.DockerDocument}, kept for the network list's hot path (one document per
 * network): {@code bench/jmh NetworkDocument} (NetworkDocumentBenchmark, same bytes both ways) measured 1 000
 * networks at 74 ms ± 46 written here against 804 ms ± 622 as DockerDocuments (2026-12-07, 2 cores at load ~35,
 * so trust the ratio, not the times). Jackson's generic record serialisation was slower still.
 */
final class NetworkResourceWriter extends ValueSerializer<NetworkResource> {

    @Override
    public void serialize(NetworkResource n, JsonGenerator json, SerializationContext context) {
        json.writeStartObject();
        json.writeStringProperty("Name", n.name());
        json.writeStringProperty("Id", n.id());
        json.writeStringProperty("Created", n.created());
        json.writeStringProperty("Scope", n.scope());
        json.writeStringProperty("Driver", n.driver());
        if (n.enableIpv4() != null) {
            json.writeBooleanProperty("EnableIPv4", n.enableIpv4());
        }
        json.writeBooleanProperty("EnableIPv6", n.enableIpv6());
        json.writeName("IPAM");
        ipam(n.ipam(), json);
        json.writeBooleanProperty("Internal", n.internal());
        json.writeBooleanProperty("Attachable", n.attachable());
        json.writeBooleanProperty("Ingress", n.ingress());
        json.writeName("ConfigFrom");
        json.writeStartObject();
        json.writeStringProperty("Network", n.configFrom().network());
        json.writeEndObject();
        json.writeBooleanProperty("ConfigOnly", n.configOnly());
        json.writeName("Containers");
        json.writeStartObject();
        for (Map.Entry<String, NetworkResource.Endpoint> entry : n.containers().entrySet()) {
            NetworkResource.Endpoint e = entry.getValue();
            json.writeName(entry.getKey());
            json.writeStartObject();
            json.writeStringProperty("Name", e.name());
            json.writeStringProperty("EndpointID", e.endpointId());
            json.writeStringProperty("MacAddress", e.macAddress());
            json.writeStringProperty("IPv4Address", e.ipv4Address());
            json.writeStringProperty("IPv6Address", e.ipv6Address());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeName("Options");
        strings(n.options(), json);
        json.writeName("Labels");
        strings(n.labels(), json);
        json.writeEndObject();
    }

    private static void ipam(NetworkResource.Ipam ipam, JsonGenerator json) {
        json.writeStartObject();
        json.writeStringProperty("Driver", ipam.driver());
        json.writeName("Options");
        strings(ipam.options(), json);
        json.writeName("Config");
        json.writeStartArray();
        for (NetworkResource.Config config : ipam.config()) {
            json.writeStartObject();
            unlessEmpty("Subnet", config.subnet(), json);
            unlessEmpty("IPRange", config.ipRange(), json);
            unlessEmpty("Gateway", config.gateway(), json);
            if (config.auxiliaryAddresses() != null && !config.auxiliaryAddresses().isEmpty()) {
                json.writeName("AuxiliaryAddresses");
                strings(config.auxiliaryAddresses(), json);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** An IPAMConfig leaves out empty members, as Docker does. */
    private static void unlessEmpty(String name, String value, JsonGenerator json) {
        if (value != null && !value.isEmpty()) {
            json.writeStringProperty(name, value);
        }
    }

    /** A map of strings in its own order, or {@code null}. */
    private static void strings(Map<String, String> map, JsonGenerator json) {
        if (map == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            json.writeStringProperty(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
