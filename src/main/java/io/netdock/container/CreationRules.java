package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.go.Strconv;
import io.netdock.net.IpAddresses;
import java.util.List;
import java.util.Map;

/** dockerd's checks of a create request's networking options, in its order and words. */
final class CreationRules {

    private CreationRules() {
    }

    static void check(ContainerCreation request, List<String> warnings) {
        ContainerConfig config = request.config();
        HostSettings host = request.host();
        NetworkMode mode = host.mode();
        RestartPolicy.of(host).validate(host.autoRemove());
        String raw = host.networkMode() == null ? "" : host.networkMode();
        if (raw.startsWith("container:") && mode.value().isEmpty()) {
            throw DockerError.invalidParameter("Invalid network mode: invalid container format container:<name|id>");
        }
        boolean container = mode.isContainer();
        if (container && notEmpty(config.hostname())) {
            throw conflict("conflicting options: hostname and the network mode");
        }
        if (container && notEmpty(host.links())) {
            throw conflict("conflicting options: container type network can't be used with links. "
                    + "This would result in undefined behavior");
        }
        if (container && notEmpty(host.dns())) {
            throw conflict("conflicting options: dns and the network mode");
        }
        if (container && notEmpty(host.extraHosts())) {
            throw conflict("conflicting options: custom host-to-IP mapping and the network mode");
        }
        if ((container || mode.isHost()) && notEmpty(config.macAddress())) {
            throw conflict("conflicting options: mac-address and the network mode");
        }
        if (container && (notEmpty(host.portBindings()) || host.publishAllPorts())) {
            throw conflict("conflicting options: port publishing and the container type network mode");
        }
        if (container && notEmpty(config.exposedPorts())) {
            throw conflict("conflicting options: port exposing and the container type network mode");
        }
        if (mode.isHost() && notEmpty(host.links())) {
            throw conflict("conflicting options: host type networking can't be used with links. "
                    + "This would result in undefined behavior");
        }
        PortSpecs.validate(config.exposedPorts(), host.portBindings());
        if (host.extraHosts() != null) {
            host.extraHosts().forEach(CreationRules::checkExtraHost);
        }
        if (host.dns() != null) {
            host.dns().forEach(CreationRules::checkDnsServer);
        }
        if (request.endpoints().size() > 1 && !request.severalEndpointsAllowed()) {
            throw DockerError.invalidParameter("Container cannot be created with multiple network endpoints: "
                    + String.join(", ", request.endpoints().keySet()));
        }
        if (mode.isHost() && (notEmpty(host.portBindings()) || host.publishAllPorts())) {
            warnings.add("Published ports are discarded when using host network mode");
        }
    }

    /** {@code name:ip}, where ip is an address or {@code host-gateway}. */
    private static void checkExtraHost(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw DockerError.invalidParameter("bad format for add-host: \"" + entry + "\"");
        }
        String address = entry.substring(colon + 1);
        if (!address.equals("host-gateway") && IpAddresses.parseOrNull(address) == null) {
            throw DockerError.invalidParameter("invalid IP address in add-host: \"" + address + "\"");
        }
    }

    /** A {@code Dns} entry is a server's IP address (the CLI's {@code --dns} check; dockerd stores anything). */
    private static void checkDnsServer(String entry) {
        if (entry == null || IpAddresses.parseOrNull(entry) == null) {
            throw DockerError.invalidParameter("invalid DNS server " + Strconv.quote(String.valueOf(entry))
                    + ": IP address is not correctly formatted");
        }
    }

    private static DockerError conflict(String message) {
        return DockerError.invalidParameter(message);
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static boolean notEmpty(List<?> values) {
        return values != null && !values.isEmpty();
    }

    private static boolean notEmpty(Map<?, ?> values) {
        return values != null && !values.isEmpty();
    }
}
