package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.net.IpAddresses;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Docker's port specification syntax: {@code 80/tcp} keys and {@code HostPort} values ({@code ""}, {@code N}, {@code N-M}). */
public final class PortSpecs {

    private PortSpecs() {
    }

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

    static void validate(List<String> exposed, Map<String, List<PortBindingRequest>> bindings) {
        if (exposed != null) {
            exposed.forEach(PortSpecs::containerPort);
        }
        if (bindings != null) {
            bindings.forEach((key, list) -> {
                containerPort(key);
                if (list != null) {
                    list.forEach(binding -> {
                        hostPortRange(binding.hostPort());
                        hostIp(binding.hostIp());
                    });
                }
            });
        }
    }

    /** A binding's {@code HostIp}: empty (every address) or an IP address, as the newest API decodes it. */
    private static void hostIp(String hostIp) {
        if (hostIp != null && !hostIp.isEmpty() && IpAddresses.parseOrNull(hostIp) == null) {
            throw DockerError.invalidParameter("invalid host IP \"" + hostIp + "\" in port binding");
        }
    }

    /** The port number of a {@code port/proto} key; the protocol must be one Docker publishes. */
    public static int containerPort(String key) {
        int slash = key.indexOf('/');
        if (slash >= 0 && slash < key.length() - 1 && !PROTOCOLS.contains(protocol(key))) {
            // the CLI's words; dockerd itself stores any protocol and publishes nothing for it
            throw DockerError.invalidParameter("invalid proto: " + key.substring(slash + 1)
                    + " (a port's protocol is tcp, udp or sctp)");
        }
        String port = slash < 0 ? key : key.substring(0, slash);
        int[] range = range(port);
        return range[0];
    }

    /** The protocol of a {@code port/proto} key ({@code tcp} when absent). */
    public static String protocol(String key) {
        int slash = key.indexOf('/');
        return slash < 0 || slash == key.length() - 1 ? "tcp" : key.substring(slash + 1).toLowerCase();
    }

    /** {@code [first, last]} of a host port value; {@code [0, 0]} for "any". */
    public static int[] hostPortRange(String hostPort) {
        if (hostPort == null || hostPort.isEmpty()) {
            return new int[] {0, 0};
        }
        return range(hostPort);
    }

    private static int[] range(String value) {
        int dash = value.indexOf('-');
        if (dash < 0) {
            int port = parse(value, value);
            return new int[] {port, port};
        }
        int first = parse(value.substring(0, dash), value);
        int last = parse(value.substring(dash + 1), value);
        if (last < first) {
            throw invalid(value);
        }
        return new int[] {first, last};
    }

    private static int parse(String number, String whole) {
        if (number.isEmpty() || number.length() > 5 || !number.chars().allMatch(Character::isDigit)) {
            throw invalid(whole);
        }
        int port = Integer.parseInt(number);
        if (port > 65535) {
            throw invalid(whole);
        }
        return port;
    }

    private static DockerError invalid(String value) {
        return DockerError.invalidParameter("invalid port specification: \"" + value + "\"");
    }
}
