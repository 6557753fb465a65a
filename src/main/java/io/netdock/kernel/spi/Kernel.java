package io.netdock.kernel.spi;

import java.util.List;
import java.util.Optional;

/**
 * One machine's networking as netdock sees it: the host namespace, the named sandbox namespaces netdock keeps
 * under its state directory, and netdock's firewall table in the host namespace.
 */
public interface Kernel extends AutoCloseable {

    /** {@code simulated} or {@code linux}. */
    String mode();

    /** The namespace netdock treats as the host (the process's own, or the configured named one). */
    NetNamespace host();

    /** Creates a named namespace with only {@code lo} (down) in it; {@code EEXIST} if it exists. */
    NetNamespace createNamespace(String name);

    /** The named namespace, if it exists. */
    Optional<NetNamespace> namespace(String name);

    /**
     * Removes a named namespace; {@code ENOENT} if it does not exist. When this returns its name is free and its
     * links are down; they (and the host ends of its veths) are freed in the background, like
     * {@link NetNamespace#retireLink}.
     */
    void deleteNamespace(String name);

    /** Names of the namespaces that exist, sorted. */
    List<String> namespaces();

    /** Where a named namespace can be entered: {@code nsenter --net=<key>}. */
    String namespaceKey(String name);

    /** Waits until every link retired or namespace deleted so far is gone from the kernel. */
    void settle();

    /** netdock's firewall table in the host namespace. */
    Firewall firewall();

    /** Releases sockets and threads; the namespaces and everything in them stay. */
    @Override
    void close();
}
