package io.netdock.container;

import io.netdock.go.KeyOrder;
import io.netdock.net.IpAddresses;
import io.netdock.portmap.PortRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Which ports a starting container publishes, as Docker through 28.x decides: every exposed port with a
 * binding in {@code PortBindings}, and with {@code PublishAllPorts} every other exposed port on an ephemeral
 * port. A binding without {@code HostIp} is made on {@code 0.0.0.0} and {@code ::} with the same port.
 */
@Component
class PortPlan {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

    List<PortRequest> requests(Container container) {
        List<PortRequest> requests = new ArrayList<>();
        Map<String, List<PortBindingRequest>> bindings = container.host().portBindings();
        for (String key : exposedSorted(container)) {
            String protocol = PortSpecs.protocol(key);
            if (!PROTOCOLS.contains(protocol)) {
                continue;
            }
            int port = PortSpecs.containerPort(key);
            List<PortBindingRequest> wanted = bindings == null ? null : bindings.get(key);
            if (wanted != null && !wanted.isEmpty()) {
                for (PortBindingRequest binding : wanted) {
                    int[] range = PortSpecs.hostPortRange(binding.hostPort());
                    List<String> hostIps = hostIps(binding.hostIp());
                    if (!hostIps.isEmpty()) {
                        requests.add(new PortRequest(key, port, protocol, hostIps, range[0], range[1]));
                    }
                }
            } else if (container.host().publishAllPorts()) {
                requests.add(new PortRequest(key, port, protocol, hostIps(""), 0, 0));
            }
        }
        return requests;
    }

    /** Docker's {@code Ports} map keys: the exposed ports, sorted like Go's map encoding. */
    static Set<String> exposedSorted(Container container) {
        Set<String> keys = new TreeSet<>(KeyOrder.GO);
        if (container.config().exposedPorts() != null) {
            keys.addAll(container.config().exposedPorts());
        }
        return keys;
    }

    /**
     * In canonical form, so one address written two ways ({@code ::} and {@code 0::0}) is one host port; an address
     * that does not parse (stored before create checked it) publishes nothing.
     */
    private static List<String> hostIps(String hostIp) {
        if (hostIp == null || hostIp.isEmpty()) {
            return List.of("0.0.0.0", "::");
        }
        InetAddress address = IpAddresses.parseOrNull(hostIp);
        return address == null ? List.of() : List.of(IpAddresses.format(address));
    }
}
