package io.netdock.endpoint;

/**
 * The container side of an attachment.
 *
 * @param sandboxId     the container's sandbox (network namespace)
 * @param interfaceName the interface to create in it ({@code eth0}, …)
 */
public record Attachee(String containerId, String sandboxId, String interfaceName) {
}
