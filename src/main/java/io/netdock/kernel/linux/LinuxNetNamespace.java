package io.netdock.kernel.linux;

import io.netdock.kernel.Errno;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.spi.Address;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkChange;
import io.netdock.kernel.spi.NetNamespace;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import io.netdock.kernel.linux.RtnlCodec.RawLink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One network namespace of the real kernel: an rtnetlink socket opened inside it (on the namespace thread),
 * then driven from any thread. Sysctls go through the namespace thread, since {@code /proc/sys/net} shows the
 * namespace of the thread that opens it.
 */
final class LinuxNetNamespace implements NetNamespace, AutoCloseable {

    private final String name;
    private final NamespaceHandle handle;
    private final NamespaceThread thread;
    private final RouteSocket socket;

    private LinuxNetNamespace(String name, NamespaceHandle handle, NamespaceThread thread, RouteSocket socket) {
        this.name = name;
        this.handle = handle;
        this.thread = thread;
        this.socket = socket;
    }

    /** Opens the rtnetlink socket of an existing namespace. Takes ownership of {@code handle}. */
    static LinuxNetNamespace open(String name, NamespaceHandle handle, NamespaceThread thread) {
        try {
            return new LinuxNetNamespace(name, handle, thread, thread.in(handle, RouteSocket::open));
        } catch (RuntimeException failure) {
            handle.close();
            throw failure;
        }
    }

    /** For a namespace the namespace thread is already inside (just created). */
    static LinuxNetNamespace openHere(String name, NamespaceHandle handle, NamespaceThread thread) {
        return new LinuxNetNamespace(name, handle, thread, RouteSocket.open());
    }

    @Override
    public String name() {
        return name;
    }

    NamespaceHandle handle() {
        return handle;
    }

    @Override
    public void createLink(NewLink link) {
        if (link instanceof NewLink.Bridge bridge) {
            socket.request(RtnlCodec.newBridge(bridge), "create bridge " + bridge.name());
        } else {
            NewLink.Veth veth = (NewLink.Veth) link;
            String operation = "create veth " + veth.name() + " → " + veth.master();
            int master = index(veth.master(), operation);
            LinuxNetNamespace peer = (LinuxNetNamespace) veth.peerNamespace();
            socket.request(RtnlCodec.newVeth(veth, master, peer.handle.fd()), operation);
        }
    }

    @Override
    public void deleteLink(String linkName) {
        socket.request(RtnlCodec.deleteLink(linkName), "delete link " + linkName);
    }

    @Override
    public void setLink(String linkName, LinkChange change) {
        socket.request(RtnlCodec.setLink(linkName, change), "set link " + linkName);
    }

    @Override
    public void addAddress(String link, IpPrefix address) {
        String operation = "add address " + address + " to " + link;
        socket.request(RtnlCodec.newAddress(index(link, operation), address), operation);
    }

    @Override
    public void deleteAddress(String link, IpPrefix address) {
        String operation = "delete address " + address + " from " + link;
        socket.request(RtnlCodec.deleteAddress(index(link, operation), address), operation);
    }

    @Override
    public void addRoute(Route route) {
        String operation = "add route " + route;
        socket.request(RtnlCodec.newRoute(route, index(route.device(), operation)), operation);
    }

    @Override
    public void deleteRoute(Route route) {
        String operation = "delete route " + route;
        socket.request(RtnlCodec.deleteRoute(route, index(route.device(), operation)), operation);
    }

    @Override
    public Optional<Link> link(String linkName) {
        List<ByteBuffer> replies;
        try {
            replies = socket.request(RtnlCodec.getLink(linkName), "get link " + linkName);
        } catch (KernelException failure) {
            if (failure.errno() == Errno.ENODEV) {
                return Optional.empty();
            }
            throw failure;
        }
        if (replies.isEmpty()) {
            return Optional.empty();
        }
        RawLink raw = RtnlCodec.link(replies.get(0));
        String master = null;
        if (raw.masterIndex() != 0) {
            master = links().stream().filter(l -> l.index() == raw.masterIndex()).map(Link::name).findFirst()
                    .orElse(null);
        }
        return Optional.of(raw.resolve(master == null ? Map.of() : Map.of(raw.masterIndex(), master)));
    }

    private int index(String linkName, String operation) {
        List<ByteBuffer> replies;
        try {
            replies = socket.request(RtnlCodec.getLink(linkName), operation);
        } catch (KernelException failure) {
            if (failure.errno() == Errno.ENODEV) {
                throw KernelException.of(operation, Errno.ENODEV);
            }
            throw failure;
        }
        if (replies.isEmpty()) {
            throw KernelException.of(operation, Errno.ENODEV);
        }
        return RtnlCodec.link(replies.get(0)).index();
    }

    @Override
    public List<Link> links() {
        List<RawLink> raw = rawLinks();
        Map<Integer, String> names = RtnlCodec.names(raw);
        return raw.stream().map(link -> link.resolve(names)).toList();
    }

    private List<RawLink> rawLinks() {
        return socket.dump(RtnlCodec.dumpLinks(), "list links in " + name).stream().map(RtnlCodec::link).toList();
    }

    @Override
    public List<Address> addresses() {
        Map<Integer, String> names = RtnlCodec.names(rawLinks());
        return socket.dump(RtnlCodec.dumpAddresses(), "list addresses in " + name).stream()
                .map(message -> RtnlCodec.address(message, names)).toList();
    }

    @Override
    public List<Route> routes() {
        Map<Integer, String> names = RtnlCodec.names(rawLinks());
        List<Route> routes = new ArrayList<>();
        for (ByteBuffer message : socket.dump(RtnlCodec.dumpRoutes(), "list routes in " + name)) {
            Route route = RtnlCodec.route(message, names);
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    @Override
    public void setSysctl(String path, String value) {
        String operation = "write /proc/sys/" + path;
        thread.in(handle, () -> {
            try {
                Files.writeString(Path.of("/proc/sys", path), value);
                return null;
            } catch (IOException e) {
                throw NamespaceMounts.failure(operation, e);
            }
        });
    }

    @Override
    public String sysctl(String path) {
        String operation = "read /proc/sys/" + path;
        return thread.in(handle, () -> {
            try {
                return new String(Files.readAllBytes(Path.of("/proc/sys", path)), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw NamespaceMounts.failure(operation, e);
            }
        });
    }

    @Override
    public void close() {
        socket.close();
        thread.forget(handle);
        handle.close();
    }
}
