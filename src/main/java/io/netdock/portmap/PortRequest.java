package io.netdock.portmap;

import java.util.List;

/**
 * A port to publish: the container's {@code portKey} on each of {@code hostIps}, at a host port in
 * {@code [firstHostPort, lastHostPort]} ({@code 0, 0} = any ephemeral port). All host addresses get the same port.
 */
public record PortRequest(String portKey, int containerPort, String protocol, List<String> hostIps,
                          int firstHostPort, int lastHostPort) {

    public boolean isEphemeral() {
        return firstHostPort == 0;
    }
}
