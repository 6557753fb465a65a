package io.netdock.endpoint;

/**
 * The container side of an attachment.
 *
 * @param containerName the container's name without the slash (for Docker's error messages)
 * @param sandboxId     the container's sandbox (network namespace)
 * @param interfaceName the interface to create in it ({@code eth0}, …)
 */
public record Attachee(String containerId, String containerName, String sandboxId, String interfaceName) {
}
