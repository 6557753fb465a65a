package io.netdock.portmap;

/**
 * One published port: {@code hostIp:hostPort/protocol} forwards to {@code containerIp:containerPort}.
 *
 * @param portKey Docker's {@code "80/tcp"} key of the container port
 * @param order   orders a container's bindings as they were made
 */
public record PortBinding(String hostIp, String protocol, int hostPort, String containerId, String portKey,
                          int containerPort, String endpointId, String bridgeName, String containerIp, long order) {
}
