package io.netdock.kernel;

import io.netdock.kernel.spi.Address;
import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.Kernel;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkChange;
import io.netdock.kernel.spi.NetNamespace;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import io.netdock.kernel.spi.Step;
import java.util.List;
import java.util.Optional;

/**
 * Test double: a kernel whose host namespace kills the process (throws {@link ProcessKilled}, an {@link Error}
 * netdock's unwinding does not catch) the moment a link has been created in it, so a test sees exactly what a
 * crash between creating a link and the next step leaves behind. Everything else is the wrapped kernel's.
 */
public final class CrashingKernel implements Kernel {

    private final Kernel kernel;

    private CrashingKernel(Kernel kernel) {
        this.kernel = kernel;
    }

    public static Kernel afterCreatingALink(Kernel kernel) {
        return new CrashingKernel(kernel);
    }

    /** The process died here. */
    public static final class ProcessKilled extends Error {
        ProcessKilled(String after) {
            super("killed right after " + after);
        }
    }

    @Override
    public String mode() {
        return kernel.mode();
    }

    @Override
    public NetNamespace host() {
        return new CrashingNamespace(kernel.host());
    }

    @Override
    public NetNamespace createNamespace(String name) {
        return kernel.createNamespace(name);
    }

    @Override
    public Optional<NetNamespace> namespace(String name) {
        return kernel.namespace(name);
    }

    @Override
    public void deleteNamespace(String name) {
        kernel.deleteNamespace(name);
    }

    @Override
    public List<String> namespaces() {
        return kernel.namespaces();
    }

    @Override
    public String namespaceKey(String name) {
        return kernel.namespaceKey(name);
    }

    @Override
    public void settle() {
        kernel.settle();
    }

    @Override
    public Firewall firewall() {
        return kernel.firewall();
    }

    @Override
    public void close() {
        // the test closes the wrapped kernel, as a restart would
    }

    private record CrashingNamespace(NetNamespace namespace) implements NetNamespace {

        @Override
        public String name() {
            return namespace.name();
        }

        @Override
        public void createLink(NewLink link) {
            namespace.createLink(link);
            throw new ProcessKilled("creating " + link.name());
        }

        @Override
        public void deleteLink(String name) {
            namespace.deleteLink(name);
        }

        @Override
        public void retireLink(String name) {
            namespace.retireLink(name);
        }

        @Override
        public void setLink(String name, LinkChange change) {
            namespace.setLink(name, change);
        }

        @Override
        public void addAddress(String link, IpPrefix address) {
            namespace.addAddress(link, address);
        }

        @Override
        public void deleteAddress(String link, IpPrefix address) {
            namespace.deleteAddress(link, address);
        }

        @Override
        public void addRoute(Route route) {
            namespace.addRoute(route);
        }

        @Override
        public void deleteRoute(Route route) {
            namespace.deleteRoute(route);
        }

        @Override
        public List<Step.Outcome> apply(List<Step> steps) {
            return namespace.apply(steps);
        }

        @Override
        public Optional<Link> link(String name) {
            return namespace.link(name);
        }

        @Override
        public List<Link> links() {
            return namespace.links();
        }

        @Override
        public List<Link> portsOf(String bridge) {
            return namespace.portsOf(bridge);
        }

        @Override
        public List<Address> addresses() {
            return namespace.addresses();
        }

        @Override
        public List<Route> routes() {
            return namespace.routes();
        }

        @Override
        public void setSysctl(String path, String value) {
            namespace.setSysctl(path, value);
        }

        @Override
        public String sysctl(String path) {
            return namespace.sysctl(path);
        }

        @Override
        public java.nio.channels.DatagramChannel openDatagramChannel(java.net.InetSocketAddress address) {
            return namespace.openDatagramChannel(address);
        }

        @Override
        public java.nio.channels.ServerSocketChannel openServerSocketChannel(java.net.InetSocketAddress address) {
            return namespace.openServerSocketChannel(address);
        }

        @Override
        public java.nio.channels.SocketChannel openSocketChannel() {
            return namespace.openSocketChannel();
        }

        @Override
        public void replaceTable(io.netdock.kernel.spi.NamespaceTable table) {
            namespace.replaceTable(table);
        }

        @Override
        public void deleteTable(String family, String name) {
            namespace.deleteTable(family, name);
        }

        @Override
        public String ruleset() {
            return namespace.ruleset();
        }
    }
}
