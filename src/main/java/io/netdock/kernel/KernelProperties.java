package io.netdock.kernel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How netdock realises networks in a kernel.
 *
 * @param mode      {@code simulated} (in-memory model, no privileges) or {@code linux} (real namespaces, bridges,
 *                  veths and nftables through JNA)
 * @param hostNetns linux mode: a named network namespace under {@code /run/netns} to treat as "the host"
 *                  (created like {@code ip netns add} if missing), so demos and tests never touch the machine's own
 *                  networking; empty = the process's own namespace
 */
@ConfigurationProperties("netdock.kernel")
public record KernelProperties(@DefaultValue("simulated") Mode mode, String hostNetns) {

    public enum Mode {
        SIMULATED, LINUX
    }
}
