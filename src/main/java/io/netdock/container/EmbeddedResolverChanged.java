package io.netdock.container;

/**
 * Whether a sandbox must now have an embedded DNS resolver, told after each change to a running container's
 * networking (start, stop, connect, disconnect) and once per resolver at start-up, after the kernel is reconciled.
 * Published as a Spring application event; a listener bound to the transaction sees it only once the change is
 * committed.
 *
 * @param containerId the container that owns the sandbox
 * @param sandboxId   its sandbox
 * @param wanted      true while the container runs with an endpoint on a user-defined network
 */
public record EmbeddedResolverChanged(String containerId, String sandboxId, boolean wanted) {
}
