package io.netdock.robustness;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The answers for which Docker itself uses status 500, and netdock with it (same status, same words). Any other
 * 5xx to a client's input is a netdock defect. Each entry names where Docker answers so.
 */
final class DockerServerErrors {

    private static final List<Pattern> DOCKER_500 = List.of(
            // a bridge name that an interface of another kind has (libnetwork bridge setupDevice)
            Pattern.compile("existing interface .* is not a bridge"),
            // IPAM RequestAddress of a gateway or auxiliary address already taken in the new subnet
            Pattern.compile("failed to allocate (gateway|secondary ip address) \\(.*"),
            // strconv errors the routers return unwrapped: events since/until, stop/restart t
            Pattern.compile("strconv\\.(ParseInt|Atoi): parsing \".*\": (invalid syntax|value out of range)"),
            // Docker 28.0.1+: a requested host port that is taken
            Pattern.compile("failed to set up container networking: driver failed programming external connectivity "
                    + "on endpoint .*: Bind for .* failed: (port is already allocated|all ports are allocated)"),
            // legacy links to a container that does not run (daemon/container_operations.go)
            Pattern.compile("Cannot link to a non running container: .*"),
            // container ID prefix matching more than one container
            Pattern.compile("multiple IDs found with provided prefix: .*"));

    private DockerServerErrors() {
    }

    static boolean isDockers(int status, String message) {
        return status == 500 && message != null && DOCKER_500.stream().anyMatch(p -> p.matcher(message).matches());
    }
}
