package io.netdock.kernel;

import java.util.List;

/**
 * The kernel port: what the domain asks of a kernel, in declarative steps. Two implementations realise it:
 * {@code simulated} (an in-memory model) and {@code linux} (namespaces, bridges, veths and nftables through
 * JNA). Every step is idempotent ("ensure"); a failed step leaves nothing half-made and throws
 * {@link KernelException}. Container network modes map onto it: {@code bridge} = a sandbox plus one
 * {@link #attach} per network; {@code none} = a sandbox with only {@code lo} (up); {@code container:<x>} = the
 * same sandbox ID as {@code x}; {@code host} = no sandbox at all.
 */
public interface Plumbing {

    /** Ensures the bridge of a network exists, has its gateway addresses, is up, and has its firewall rules. */
    void setUpNetwork(BridgeNetwork network);

    /** Removes the bridge of a network and its firewall rules. */
    void tearDownNetwork(BridgeNetwork network);

    /** Ensures a sandbox (network namespace) exists for a running container; returns where it lives. */
    Sandbox createSandbox(String sandboxId);

    /** Removes a sandbox and everything inside it. */
    void removeSandbox(String sandboxId);

    /** Ensures a veth pair joins a sandbox to a network's bridge, with the endpoint's addresses and routes. */
    void attach(Attachment attachment);

    /** Removes an endpoint's veth pair (and with it its addresses and routes). */
    void detach(Attachment attachment);

    /** Adds the NAT rules that publish container ports on the host, as one atomic change. */
    void publish(List<PortForward> forwards);

    /** Removes the NAT rules of {@link #publish}, as one atomic change. */
    void unpublish(List<PortForward> forwards);

    /**
     * Opens a sandbox's embedded DNS resolver: a UDP and a TCP socket inside its namespace on {@code 127.0.0.11}
     * (random ports), and the sandbox's {@code ip docker-dns} table that sends {@code 127.0.0.11:53} to them,
     * replaced in one transaction (an earlier resolver's rules go). On failure nothing stays open. The caller owns
     * the sockets.
     */
    DnsSockets openResolver(String sandboxId);

    /** Removes a sandbox's DNS rules ({@link #openResolver}); nothing to do if it has none or is gone. */
    void closeResolver(String sandboxId);

    /**
     * Opens the DNS host listener's sockets in netdock's host namespace ({@code netdock.kernel.host-netns} in linux
     * mode when set): UDP bound to {@code address}, then TCP on the same address and the port UDP got (also when 0
     * is asked). No rules. On failure nothing stays open; the caller owns the sockets.
     */
    DnsSockets openHostListener(java.net.InetSocketAddress address);

    /**
     * An unbound UDP socket opened in netdock's host namespace, or in a sandbox's: to forward DNS queries from
     * where Docker sends them (host nameservers from the host, {@code --dns} servers from the container). The
     * caller owns it.
     *
     * @param sandboxId the sandbox, or empty for the host namespace
     */
    java.nio.channels.DatagramChannel openDatagramChannel(java.util.Optional<String> sandboxId);

    /** An unconnected TCP socket opened like {@link #openDatagramChannel}. */
    java.nio.channels.SocketChannel openSocketChannel(java.util.Optional<String> sandboxId);

    /**
     * A sysctl of the host namespace (the configured {@code netdock.kernel.host-netns} in linux mode, the model's
     * host in simulated mode), e.g. {@code net/ipv4/ip_local_port_range}; {@link KernelException} when unreadable.
     */
    String hostSysctl(String path);

    /** Reads back what exists, per namespace, and the firewall ruleset. */
    KernelView view();

    /**
     * Makes the kernel match what must exist: re-creates missing bridges, sandboxes, veth pairs and rules, and
     * removes netdock-owned objects the database does not know (bridges and veths netdock created, sandbox mounts
     * under the state directory, rules in netdock's nftables table). Call once at start, before serving requests,
     * with the state read from the database. Goes on past failures and reports them.
     */
    ReconcileReport reconcile(DesiredState desired);
}
