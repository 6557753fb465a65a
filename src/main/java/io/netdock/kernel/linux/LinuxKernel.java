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
        NamespaceThread thread = new NamespaceThread();
        Reaper reaper = new Reaper();
        LinuxNetNamespace host = null;
        try {
            NamespaceMounts.prepareDirectory(namespaceDirectory);
            host = openHost(thread, reaper, hostNetns);
            thread.home(host.handle());
            NftFirewall firewall = NftFirewall.open(thread, host.handle());
            return new LinuxKernel(thread, reaper, namespaceDirectory.toAbsolutePath(), host, firewall);
        } catch (RuntimeException failure) {
            if (host != null) {
                host.close();
            }
            reaper.close();
            thread.close();
            throw failure;
        }
    }

    private static LinuxNetNamespace openHost(NamespaceThread thread, Reaper reaper, String hostNetns) {
        if (hostNetns == null || hostNetns.isBlank()) {
            return LinuxNetNamespace.open("host", NamespaceHandle.open(Path.of("/proc/self/ns/net")), thread, reaper);
        }
        checkName(hostNetns, "open host namespace " + hostNetns);
        Path file = RUN_NETNS.resolve(hostNetns);
        if (Files.exists(file)) {
            return LinuxNetNamespace.open("host", NamespaceHandle.open(file), thread, reaper);
        }
        NamespaceMounts.prepareDirectory(RUN_NETNS);
        NamespaceMounts.createMountPoint(file, "create host namespace " + hostNetns);
        return thread.create(file, handle -> LinuxNetNamespace.openHere("host", handle, thread, reaper));
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
        NamespaceMounts.createMountPoint(file, operation);
        try {
            LinuxNetNamespace created = thread.create(file,
                    handle -> LinuxNetNamespace.openHere(name, handle, thread, reaper));
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
            namespace = LinuxNetNamespace.open(name, NamespaceHandle.open(file), thread, reaper);
        } catch (KernelException notANamespace) {
            // an empty file left by a crash between creating it and mounting on it: no namespace there
            return Optional.empty();
        }
        opened.put(name, namespace);
        return Optional.of(namespace);
    }

    /**
     * Takes the namespace's links out of service, unmounts it (its name is free), and leaves deleting its links to
     * the {@link Reaper}, which then closes it; once nothing holds the namespace, the kernel frees it on its own.
     * A file without a namespace on it (a crash's leftover) is just removed.
     */
    @Override
    public synchronized void deleteNamespace(String name) {
        String operation = "delete namespace " + name;
        checkName(name, operation);
        Path file = namespaceDirectory.resolve(name);
        if (!Files.exists(file)) {
            throw KernelException.of(operation, Errno.ENOENT);
        }
        Optional<NetNamespace> found = namespace(name);
        opened.remove(name);
        LinuxNetNamespace namespace = (LinuxNetNamespace) found.orElse(null);
        if (namespace != null) {
            try {
                namespace.retireAll();
            } catch (RuntimeException failure) {
                reaper.reapAndClose(namespace);
                throw failure;
            }
        }
        try {
            NamespaceMounts.remove(file, operation);
        } finally {
            if (namespace != null) {
                reaper.reapAndClose(namespace);
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
