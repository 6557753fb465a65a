package io.netdock.kernel;

import java.net.InetAddress;

/**
 * A published port: traffic to {@code hostIp:hostPort} goes to {@code containerIp:containerPort}.
 *
 * @param endpointId    the endpoint the rule belongs to (rules are tagged with it so deletes are exact)
 * @param bridgeName    the bridge the container sits on (for hairpin masquerade)
 * @param protocol      {@code tcp}, {@code udp} or {@code sctp}
 * @param hostIp        the host address ({@code 0.0.0.0} / {@code ::} for any)
 */
public record PortForward(String endpointId, String bridgeName, String protocol, InetAddress hostIp, int hostPort,
                          InetAddress containerIp, int containerPort) {
}
