package io.netdock.kernel.linux;

import io.netdock.kernel.Errno;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.KernelObjectNotFound;
import io.netdock.kernel.linux.RtnlCodec.RawLink;
import io.netdock.kernel.spi.Address;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkChange;
import io.netdock.kernel.spi.LinkGroups;
import io.netdock.kernel.spi.NetNamespace;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import io.netdock.kernel.spi.Step;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One network namespace of the real kernel: two rtnetlink sockets opened inside it (on the namespace thread),
 * then driven from any thread — one for callers, one for the {@link Reaper}, whose requests wait for the kernel
 * to free links and must not hold up the callers'. Sysctls go through the namespace thread, since
 * {@code /proc/sys/net} shows the namespace of the thread that opens it.
 */
final class LinuxNetNamespace implements NetNamespace, AutoCloseable {

    private final String name;
    private final NamespaceHandle handle;
    private final NamespaceThread thread;
    private final Reaper reaper;
    private final NetlinkSocket socket;
    private final NetlinkSocket reaperSocket;
    /** ifindexes of bridges this namespace created or looked up, for the {@code master} of new veths. */
    private final Map<String, Integer> bridgeIndexes = new ConcurrentHashMap<>();

    private LinuxNetNamespace(String name, NamespaceHandle handle, NamespaceThread thread, Reaper reaper,
                              NetlinkSocket[] sockets) {
        this.name = name;
        this.handle = handle;
        this.thread = thread;
        this.reaper = reaper;
        this.socket = sockets[0];
        this.reaperSocket = sockets[1];
    }

    /** Opens the rtnetlink sockets of an existing namespace. Takes ownership of {@code handle}. */
    static LinuxNetNamespace open(String name, NamespaceHandle handle, NamespaceThread thread, Reaper reaper) {
        try {
            return new LinuxNetNamespace(name, handle, thread, reaper, thread.in(handle, LinuxNetNamespace::sockets));
        } catch (RuntimeException failure) {
            handle.close();
            throw failure;
        }
    }

    /** For a namespace the namespace thread is already inside (just created). */
    static LinuxNetNamespace openHere(String name, NamespaceHandle handle, NamespaceThread thread, Reaper reaper) {
        return new LinuxNetNamespace(name, handle, thread, reaper, sockets());
    }

    private static NetlinkSocket[] sockets() {
        NetlinkSocket callers = NetlinkSocket.route();
        try {
            return new NetlinkSocket[] {callers, NetlinkSocket.route()};
        } catch (RuntimeException failure) {
            callers.close();
            throw failure;
        }
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
            List<ByteBuffer> echoed = socket.request(RtnlCodec.newBridge(bridge), "create bridge " + bridge.name());
            if (!echoed.isEmpty()) {
                bridgeIndexes.put(bridge.name(), RtnlCodec.link(echoed.get(0)).index());
            }
            return;
        }
        NewLink.Veth veth = (NewLink.Veth) link;
        String operation = "create veth " + veth.name() + " → " + veth.master();
        int peerNamespace = ((LinuxNetNamespace) veth.peerNamespace()).handle.fd();
        Integer cached = bridgeIndexes.get(veth.master());
        int master = cached != null ? cached : bridgeIndex(veth.master(), operation);
        try {
            socket.request(RtnlCodec.newVeth(veth, master, peerNamespace), operation);
        } catch (KernelException failure) {
            if (cached == null) {
                throw failure;
            }
            // the cached index may be stale (the bridge re-created behind netdock's back): look again, once
            bridgeIndexes.remove(veth.master());
            if (bridgeIndex(veth.master(), operation) == master) {
                throw failure;
            }
            createLink(link);
        }
    }

    private int bridgeIndex(String bridge, String operation) {
        int index = index(bridge, operation);
        bridgeIndexes.put(bridge, index);
        return index;
    }

    @Override
    public void deleteLink(String linkName) {
        bridgeIndexes.remove(linkName);
        socket.request(RtnlCodec.deleteLink(linkName), "delete link " + linkName);
    }

    /**
     * Down, then renamed to a unique {@code gone-…} name in {@link LinkGroups#RETIRED} (renaming needs the link
     * down), in one datagram; the {@link Reaper} deletes the group in the background.
     */
    @Override
    public void retireLink(String linkName) {
        String operation = "delete link " + linkName;
        int index = index(linkName, operation);
        bridgeIndexes.remove(linkName);
        String tomb = String.format("gone-%010x", ThreadLocalRandom.current().nextLong(1L << 40));
        List<KernelException> failures = socket.requestAll(
                List.of(RtnlCodec.setLink(index, LinkChange.DOWN), RtnlCodec.renameLink(index, tomb, LinkGroups.RETIRED)),
                List.of(operation, operation));
        if (failures.get(0) != null && failures.get(0).errno() != Errno.ENODEV) {
            throw failures.get(0);
        }
        if (failures.get(1) != null) {
            if (failures.get(1) instanceof KernelObjectNotFound) {
                return; // gone meanwhile: what retiring wanted
            }
            deleteLink(linkName); // could not rename it out of the way: delete it the slow way
            return;
        }
        reaper.reap(this);
    }

    /**
     * Takes every link but {@code lo} down and into {@link LinkGroups#RETIRED}, for a namespace about to be
     * removed: its links stop carrying traffic at once, and the reaper can delete them (with their veth peers in
     * other namespaces) in one request. Best effort: a link left over dies with the namespace.
     */
    void retireAll() {
        List<NetlinkMessage> messages = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        for (RawLink link : rawLinks()) {
            if (!link.kind().equals("loopback")) {
                messages.add(RtnlCodec.setLink(link.index(), LinkChange.DOWN));
                messages.add(RtnlCodec.setGroup(link.index(), LinkGroups.RETIRED));
                operations.add("retire link " + link.name());
                operations.add("retire link " + link.name());
            }
        }
        if (!messages.isEmpty()) {
            socket.requestAll(messages, operations);
        }
    }

    /** Deletes the retired links (on the reaper's socket: this waits for the kernel to free them). */
    void deleteRetired() {
        try {
            reaperSocket.request(RtnlCodec.deleteGroup(LinkGroups.RETIRED), "delete retired links in " + name);
        } catch (KernelObjectNotFound none) {
            // no link left in the group: nothing to delete
        }
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

    /** Resolves each link the steps name once, then sends every step in one datagram. */
    @Override
    public List<Step.Outcome> apply(List<Step> steps) {
        Map<String, Object> indexes = new HashMap<>();
        for (Step step : steps) {
            indexes.computeIfAbsent(step.link(), link -> {
                try {
                    return index(link, "get link " + link);
                } catch (KernelObjectNotFound missing) {
                    return missing;
                }
            });
        }
        Map<Integer, Step> sent = new LinkedHashMap<>();
        List<NetlinkMessage> messages = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        KernelException[] failures = new KernelException[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String operation = operation(step);
            if (!(indexes.get(step.link()) instanceof Integer index)) {
                failures[i] = KernelException.of(operation, Errno.ENODEV);
                continue;
            }
            sent.put(i, step);
            messages.add(message(step, index));
            operations.add(operation);
        }
        List<KernelException> answers = messages.isEmpty() ? List.of() : socket.requestAll(messages, operations);
        int answer = 0;
        for (int i : sent.keySet()) {
            failures[i] = answers.get(answer++);
        }
        List<Step.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            outcomes.add(new Step.Outcome(steps.get(i), failures[i]));
        }
        return outcomes;
    }

    private static String operation(Step step) {
        if (step instanceof Step.SetLink set) {
            return "set link " + set.link();
        }
        if (step instanceof Step.AddAddress add) {
            return "add address " + add.address() + " to " + add.link();
        }
        return "add route " + ((Step.AddRoute) step).route();
    }

    private static NetlinkMessage message(Step step, int index) {
        if (step instanceof Step.SetLink set) {
            return RtnlCodec.setLink(index, set.change());
        }
        if (step instanceof Step.AddAddress add) {
            return RtnlCodec.newAddress(index, add.address());
        }
        return RtnlCodec.newRoute(((Step.AddRoute) step).route(), index);
    }

    @Override
    public Optional<Link> link(String linkName) {
        Optional<RawLink> raw = rawLink(RtnlCodec.getLink(linkName), "get link " + linkName);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        int master = raw.get().masterIndex();
        Map<Integer, String> names = master == 0 ? Map.of() : rawLink(RtnlCodec.getLink(master), "get link " + master)
                .map(m -> Map.of(master, m.name())).orElse(Map.of());
        return Optional.of(raw.get().resolve(names));
    }

    private Optional<RawLink> rawLink(NetlinkMessage request, String operation) {
        List<ByteBuffer> replies;
        try {
            replies = socket.request(request, operation);
        } catch (KernelException failure) {
            if (failure.errno() == Errno.ENODEV) {
                return Optional.empty();
            }
            throw failure;
        }
        return replies.isEmpty() ? Optional.empty() : Optional.of(RtnlCodec.link(replies.get(0)));
    }

    private int index(String linkName, String operation) {
        return rawLink(RtnlCodec.getLink(linkName), operation).map(RawLink::index)
                .orElseThrow(() -> KernelException.of(operation, Errno.ENODEV));
    }

    @Override
    public List<Link> links() {
        List<RawLink> raw = rawLinks();
        Map<Integer, String> names = RtnlCodec.names(raw);
        return raw.stream().map(link -> link.resolve(names)).toList();
    }

    @Override
    public List<Link> portsOf(String bridge) {
        Optional<RawLink> master = rawLink(RtnlCodec.getLink(bridge), "get link " + bridge);
        if (master.isEmpty()) {
            return List.of();
        }
        Map<Integer, String> names = Map.of(master.get().index(), bridge);
        return socket.dump(RtnlCodec.dumpPorts(master.get().index()), "list ports of " + bridge).stream()
                .map(RtnlCodec::link).filter(port -> port.masterIndex() == master.get().index())
                .map(port -> port.resolve(names)).toList();
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

    /** Closes the sockets and the handle; the namespace thread leaves the namespace, so the kernel can free it. */
    @Override
    public void close() {
        socket.close();
        reaperSocket.close();
        thread.forget(handle);
        handle.close();
    }
}
