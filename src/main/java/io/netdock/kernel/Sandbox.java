package io.netdock.kernel;

/**
 * A container's network namespace.
 *
 * @param id  the sandbox ID (64 hex, like Docker's SandboxID)
 * @param key where it can be entered ({@code nsenter --net=<key>}); Docker's {@code SandboxKey}
 */
public record Sandbox(String id, String key) {
}
