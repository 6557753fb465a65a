package io.netdock.container;

/** One {@code HostConfig.PortBindings} entry: {@code HostIp} ("" = every address) and {@code HostPort} ("" = any). */
public record PortBindingRequest(String hostIp, String hostPort) {
}
