package io.netdock.kernel.simulated;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.Kernel;
import io.netdock.kernel.spi.NetNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory model of a Linux kernel's networking, faithful in what netdock reads back: per-namespace
 * ifindexes, veth pairs across namespaces, bridge ports, addresses with the connected routes the kernel derives
 * from them while a link is up, link groups, hairpin mode, sysctls, netdock's nftables table, and the errno each
 * misuse earns. It does not model packets, nor IPv6 link-local autoconfiguration (netdock turns {@code addrgenmode}
 * off on every link and gives a container's interface its link-local address itself). It frees links at once, so
 * nothing is ever left to {@link #settle}.
 * All state is guarded by this object's monitor.
 */
public class SimulatedKernel implements Kernel {

    static final String HOST = "host";

    private final String namespaceDirectory;
    private final SimulatedNamespace host;
    private final TreeMap<String, SimulatedNamespace> namespaces = new TreeMap<>();
    private final SimulatedFirewall firewall = new SimulatedFirewall(this);
    private int nextMac = 1;

    public SimulatedKernel(String namespaceDirectory) {
        this.namespaceDirectory = namespaceDirectory;
        this.host = new SimulatedNamespace(this, HOST);
    }

    @Override
    public String mode() {
        return "simulated";
    }

    @Override
    public NetNamespace host() {
        return host;
    }

    @Override
    public synchronized NetNamespace createNamespace(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw KernelException.of("create namespace " + name, Errno.EINVAL);
        }
        if (namespaces.containsKey(name)) {
            throw KernelException.of("create namespace " + name, Errno.EEXIST);
        }
        SimulatedNamespace namespace = new SimulatedNamespace(this, name);
        namespaces.put(name, namespace);
        return namespace;
    }

    @Override
    public synchronized Optional<NetNamespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    @Override
    public synchronized void deleteNamespace(String name) {
        SimulatedNamespace namespace = namespaces.remove(name);
        if (namespace == null) {
            throw KernelException.of("delete namespace " + name, Errno.ENOENT);
        }
        namespace.destroy();
    }

    @Override
    public synchronized List<String> namespaces() {
        return new ArrayList<>(namespaces.keySet());
    }

    @Override
    public String namespaceKey(String name) {
        return namespaceDirectory + "/" + name;
    }

    @Override
    public void settle() {
        // links are freed at once in the model
    }

    @Override
    public Firewall firewall() {
        return firewall;
    }

    @Override
    public void close() {
        // nothing to release: the model lives as long as the object
    }

    /** A locally administered MAC, unique in this kernel, for links created without one. */
    synchronized String nextMacAddress() {
        int n = nextMac++;
        return String.format("02:00:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }
}
