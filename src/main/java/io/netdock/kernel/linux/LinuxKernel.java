package io.netdock.kernel.linux;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.Kernel;
import io.netdock.kernel.spi.NetNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real kernel. The host is the process's own network namespace, or a named one under {@code /run/netns}
 * (created like {@code ip netns add} if missing) so that demos and tests never touch the machine's networking.
 * Sandboxes are namespaces bind-mounted on files under a directory of the state dir, so they survive restarts
 * and can be entered with {@code nsenter --net=<file>}.
 */
public final class LinuxKernel implements Kernel {

    static final Path RUN_NETNS = Path.of("/run/netns");

    private final NamespaceThread thread;
    private final Reaper reaper;
    private final Path namespaceDirectory;
    private final LinuxNetNamespace host;
    private final NftFirewall firewall;
    private final Map<String, LinuxNetNamespace> opened = new HashMap<>();

    private LinuxKernel(NamespaceThread thread, Reaper reaper, Path namespaceDirectory, LinuxNetNamespace host,
                        NftFirewall firewall) {
        this.thread = thread;
        this.reaper = reaper;
        this.namespaceDirectory = namespaceDirectory;
        this.host = host;
        this.firewall = firewall;
    }

    /**
     * @param namespaceDirectory where sandbox namespaces are mounted ({@code <state-dir>/netns})
     * @param hostNetns          a named namespace to treat as the host, or null/empty for the process's own
     */
    public static LinuxKernel open(Path namespaceDirectory, String hostNetns) {
        return open(namespaceDirectory, hostNetns, Reaper.Patience.DEFAULT);
    }

    /** With the reaper's patience chosen (tests that need retired links to stay a while). */
    static LinuxKernel open(Path namespaceDirectory, String hostNetns, Reaper.Patience patience) {
        NamespaceThread thread = new NamespaceThread();
        NamespaceHandle hostHandle = null;
        Reaper reaper = null;
        LinuxNetNamespace host = null;
        try {
            NamespaceMounts.prepareDirectory(namespaceDirectory);
            hostHandle = openHostNamespace(thread, hostNetns);
            thread.home(hostHandle);
            reaper = new Reaper(thread.in(hostHandle, NetlinkSocket::route), patience);
            host = LinuxNetNamespace.open("host", hostHandle, thread, reaper, null);
            NftFirewall firewall = NftFirewall.open(thread, host.handle());
            return new LinuxKernel(thread, reaper, namespaceDirectory.toAbsolutePath(), host, firewall);
        } catch (RuntimeException failure) {
            if (host != null) {
                host.close();
            } else if (hostHandle != null) {
                hostHandle.close();
            }
            if (reaper != null) {
                reaper.close();
            }
            thread.close();
            throw failure;
        }
    }

    /** The process's own namespace, or the named one (created like {@code ip netns add} if missing). */
    private static NamespaceHandle openHostNamespace(NamespaceThread thread, String hostNetns) {
        if (hostNetns == null || hostNetns.isBlank()) {
            return NamespaceHandle.open(Path.of("/proc/self/ns/net"));
        }
        checkName(hostNetns, "open host namespace " + hostNetns);
        Path file = RUN_NETNS.resolve(hostNetns);
        if (Files.exists(file)) {
            return NamespaceHandle.open(file);
        }
        NamespaceMounts.prepareDirectory(RUN_NETNS);
        NamespaceMounts.createMountPoint(file, "create host namespace " + hostNetns);
        return thread.create(file, handle -> handle);
    }

    @Override
    public String mode() {
        return "linux";
    }

    @Override
    public NetNamespace host() {
        return host;
    }

    @Override
    public synchronized NetNamespace createNamespace(String name) {
        String operation = "create namespace " + name;
        checkName(name, operation);
        Path file = namespaceDirectory.resolve(name);
        if (Files.exists(file) && namespace(name).isEmpty()) {
            // a file with no namespace on it: a crash between unmounting and deleting it (or creating and mounting)
            NamespaceMounts.remove(file, operation);
        }
        NamespaceMounts.createMountPoint(file, operation);
        try {
            LinuxNetNamespace created = thread.create(file,
                    handle -> LinuxNetNamespace.openHere(name, handle, thread, reaper, host));
            opened.put(name, created);
            return created;
        } catch (RuntimeException failure) {
            try {
                NamespaceMounts.remove(file, "remove " + file);
            } catch (RuntimeException undoFailed) {
                failure.addSuppressed(undoFailed);
            }
            throw failure;
        }
    }

    @Override
    public synchronized Optional<NetNamespace> namespace(String name) {
        LinuxNetNamespace namespace = opened.get(name);
        if (namespace != null) {
            return Optional.of(namespace);
        }
        Path file = namespaceDirectory.resolve(name);
        if (name.contains("/") || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            namespace = LinuxNetNamespace.open(name, NamespaceHandle.open(file), thread, reaper, host);
        } catch (KernelException notANamespace) {
            // an empty file left by a crash between creating it and mounting on it: no namespace there
            return Optional.empty();
        }
        opened.put(name, namespace);
        return Optional.of(namespace);
    }

    /**
     * Retires the host ends of the namespace's veths (they take the namespace's ends with them, in the background),
     * unmounts it — its name is free — and closes it; once nothing holds the namespace, the kernel frees it on its
     * own. A file without a namespace on it (a crash's leftover) is just removed.
     */
    @Override
    public synchronized void deleteNamespace(String name) {
        String operation = "delete namespace " + name;
        checkName(name, operation);
        Path file = namespaceDirectory.resolve(name);
        if (!Files.exists(file)) {
            throw KernelException.of(operation, Errno.ENOENT);
        }
        LinuxNetNamespace namespace = (LinuxNetNamespace) namespace(name).orElse(null);
        opened.remove(name);
        try {
            if (namespace != null) {
                namespace.retireAll();
            }
            NamespaceMounts.remove(file, operation);
        } finally {
            if (namespace != null) {
                namespace.close();
            }
        }
    }

    @Override
    public void settle() {
        reaper.settle();
    }

    /** Every entry of the namespace directory, mounted or a crash's leftover, so reconcile can clean them all. */
    @Override
    public synchronized List<String> namespaces() {
        try (Stream<Path> files = Files.list(namespaceDirectory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw NamespaceMounts.failure("list " + namespaceDirectory, e);
        }
    }

    @Override
    public String namespaceKey(String name) {
        return namespaceDirectory.resolve(name).toString();
    }

    @Override
    public Firewall firewall() {
        return firewall;
    }

    @Override
    public synchronized void close() {
        List<RuntimeException> failures = new ArrayList<>();
        closeQuietly(reaper::close, failures);
        for (LinuxNetNamespace namespace : opened.values()) {
            closeQuietly(namespace::close, failures);
        }
        opened.clear();
        closeQuietly(firewall::close, failures);
        closeQuietly(host::close, failures);
        thread.close();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void closeQuietly(Runnable close, List<RuntimeException> failures) {
        try {
            close.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static void checkName(String name, String operation) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw KernelException.of(operation, Errno.EINVAL);
        }
    }
}
