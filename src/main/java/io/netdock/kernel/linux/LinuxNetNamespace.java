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
import io.netdock.kernel.spi.NamespaceTable;
import io.netdock.kernel.spi.NetNamespace;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import io.netdock.kernel.spi.Sockets;
import io.netdock.kernel.spi.Step;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One network namespace of the real kernel: an rtnetlink socket opened inside it (on the namespace thread), then
 * driven from any thread. Sysctls go through the namespace thread, since {@code /proc/sys/net} shows the namespace
 * of the thread that opens it. Links are retired on the host side, where the {@link Reaper} deletes them.
 */
final class LinuxNetNamespace implements NetNamespace, AutoCloseable {

    private final String name;
    private final NamespaceHandle handle;
    private final NamespaceThread thread;
    private final Reaper reaper;
    /** The host namespace: {@code this} for the host itself. */
    private final LinuxNetNamespace host;
    private final NetlinkSocket rtnl;
    /** ifindexes of bridges this namespace created or looked up, for the {@code master} of new veths. */
    private final Map<String, Integer> bridgeIndexes = new ConcurrentHashMap<>();

    private LinuxNetNamespace(String name, NamespaceHandle handle, NamespaceThread thread, Reaper reaper,
                              LinuxNetNamespace host, NetlinkSocket socket) {
        this.name = name;
        this.handle = handle;
        this.thread = thread;
        this.reaper = reaper;
        this.host = host == null ? this : host;
        this.rtnl = socket;
    }

    /** The socket, for a request: the reaper holds back while netdock is busy in the kernel. */
    private NetlinkSocket socket() {
        reaper.touch();
        return rtnl;
    }

    /**
     * Opens the rtnetlink socket of an existing namespace. Takes ownership of {@code handle}.
     *
     * @param host the host namespace, or null if this is it
     */
    static LinuxNetNamespace open(String name, NamespaceHandle handle, NamespaceThread thread, Reaper reaper,
                                  LinuxNetNamespace host) {
        try {
            return new LinuxNetNamespace(name, handle, thread, reaper, host, thread.in(handle, NetlinkSocket::route));
        } catch (RuntimeException failure) {
            handle.close();
            throw failure;
        }
    }

    /** For a namespace the namespace thread is already inside (just created). */
    static LinuxNetNamespace openHere(String name, NamespaceHandle handle, NamespaceThread thread, Reaper reaper,
                                      LinuxNetNamespace host) {
        return new LinuxNetNamespace(name, handle, thread, reaper, host, NetlinkSocket.route());
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
            if (host == this && reviveRetiredBridge(bridge)) {
                return;
            }
            List<ByteBuffer> echoed = socket().request(RtnlCodec.newBridge(bridge), "create bridge " + bridge.name());
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
            socket().request(RtnlCodec.newVeth(veth, master, peerNamespace), operation);
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

    /**
     * Instead of creating a bridge, takes one back that was retired and is still waiting for the reaper, if it has no
     * ports left (its veths are deleted before it): renamed, with the requested MTU, MAC and group, and down, it is
     * as good as a new one — its addresses went when it was retired ({@link #retireLink}).
     *
     * @return whether a retired bridge now has the requested name
     */
    private boolean reviveRetiredBridge(NewLink.Bridge bridge) {
        Optional<String> retired = reaper.reuseBridge();
        if (retired.isEmpty()) {
            return false;
        }
        String operation = "create bridge " + bridge.name();
        Optional<RawLink> link = rawLink(RtnlCodec.getLink(retired.get()), operation);
        if (link.isEmpty() || !link.get().kind().equals("bridge")) {
            return false;
        }
        int index = link.get().index();
        boolean hasPorts = !socket().dump(RtnlCodec.dumpPorts(index), "list ports of " + retired.get()).stream()
                .map(RtnlCodec::link).filter(port -> port.masterIndex() == index).toList().isEmpty();
        if (hasPorts) {
            reaper.reapBridgeFirst(retired.get());
            return false;
        }
        try {
            socket().request(RtnlCodec.reviveBridge(index, bridge), operation);
        } catch (KernelException failure) {
            reaper.reapBridgeFirst(retired.get());
            throw failure;
        }
        bridgeIndexes.put(bridge.name(), index);
        return true;
    }

    private int bridgeIndex(String bridge, String operation) {
        int index = index(bridge, operation);
        bridgeIndexes.put(bridge, index);
        return index;
    }

    @Override
    public void deleteLink(String linkName) {
        bridgeIndexes.remove(linkName);
        socket().request(RtnlCodec.deleteLink(linkName), "delete link " + linkName);
    }

    /**
     * Down, then renamed out of the way (renaming needs the link down), in one datagram, and handed to the
     * {@link Reaper}: a host veth in {@link LinkGroups#RETIRED}, a bridge by its new name. A sandbox's veth is
     * deleted through its host end, which takes it along, so the reaper only ever deletes in the host namespace.
     */
    @Override
    public void retireLink(String linkName) {
        String operation = "delete link " + linkName;
        RawLink link = rawLink(RtnlCodec.getLink(linkName), operation)
                .orElseThrow(() -> KernelException.of(operation, Errno.ENODEV));
        bridgeIndexes.remove(linkName);
        boolean here = host == this;
        boolean bridge = link.kind().equals("bridge");
        if (!link.kind().equals("veth") && !(here && bridge)) {
            deleteLink(linkName); // netdock retires nothing else: no need to be quick for it
            return;
        }
        String tomb = String.format("gone-%010x", ThreadLocalRandom.current().nextLong(1L << 40));
        List<NetlinkMessage> messages = new ArrayList<>(List.of(RtnlCodec.setLink(link.index(), LinkChange.DOWN)));
        if (bridge) {
            // a retired bridge may serve another network before it is deleted: it keeps no address
            addressesOf(link.index()).forEach(address -> messages.add(RtnlCodec.deleteAddress(link.index(), address)));
        }
        messages.add(RtnlCodec.renameLink(link.index(), tomb, bridge ? link.group() : LinkGroups.RETIRED));
        List<KernelException> failures = socket().requestAll(messages, Collections.nCopies(messages.size(), operation));
        KernelException failure = failures.stream().filter(Objects::nonNull).findFirst().orElse(null);
        if (failure instanceof KernelObjectNotFound) {
            return; // gone meanwhile: what retiring wanted
        }
        if (failure != null) {
            deleteLink(linkName); // could not move it out of the way: delete it the slow way
            return;
        }
        if (bridge) {
            reaper.reapBridge(tomb);
        } else if (here) {
            reaper.reapVeths();
        } else {
            host.retirePeers(Map.of(link.peerIndex(), link.index()));
        }
    }

    /**
     * For a namespace about to be removed: retires the host ends of its veths, so they stop carrying traffic at
     * once and the reaper deletes the pairs. Best effort: whatever is left dies with the namespace.
     */
    void retireAll() {
        Map<Integer, Integer> peers = new HashMap<>();
        for (RawLink link : rawLinks()) {
            if (link.kind().equals("veth") && link.peerIndex() != 0) {
                peers.put(link.peerIndex(), link.index());
            }
        }
        if (!peers.isEmpty()) {
            host.retirePeers(peers);
        }
    }

    /**
     * In the host namespace: takes veth ends down and into {@link LinkGroups#RETIRED}, each only after checking it
     * is the peer of the other namespace's link it was named for ({@code host index → peer's index}).
     */
    private void retirePeers(Map<Integer, Integer> peers) {
        List<NetlinkMessage> messages = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        peers.forEach((index, peerIndex) -> {
            Optional<RawLink> end = rawLink(RtnlCodec.getLink(index), "get link " + index);
            if (end.isPresent() && end.get().kind().equals("veth") && end.get().peerIndex() == peerIndex) {
                String operation = "delete link " + end.get().name();
                messages.add(RtnlCodec.setLink(index, LinkChange.DOWN));
                messages.add(RtnlCodec.setGroup(index, LinkGroups.RETIRED));
                operations.add(operation);
                operations.add(operation);
            }
        });
        if (!messages.isEmpty()) {
            socket().requestAll(messages, operations);
            reaper.reapVeths();
        }
    }

    @Override
    public void setLink(String linkName, LinkChange change) {
        socket().request(RtnlCodec.setLink(linkName, change), "set link " + linkName);
    }

    @Override
    public void addAddress(String link, IpPrefix address) {
        String operation = "add address " + address + " to " + link;
        socket().request(RtnlCodec.newAddress(index(link, operation), address), operation);
    }

    @Override
    public void deleteAddress(String link, IpPrefix address) {
        String operation = "delete address " + address + " from " + link;
        socket().request(RtnlCodec.deleteAddress(index(link, operation), address), operation);
    }

    @Override
    public void addRoute(Route route) {
        String operation = "add route " + route;
        socket().request(RtnlCodec.newRoute(route, index(route.device(), operation)), operation);
    }

    @Override
    public void deleteRoute(Route route) {
        String operation = "delete route " + route;
        socket().request(RtnlCodec.deleteRoute(route, index(route.device(), operation)), operation);
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
        List<KernelException> answers = messages.isEmpty() ? List.of() : socket().requestAll(messages, operations);
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
            replies = socket().request(request, operation);
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
        return socket().dump(RtnlCodec.dumpPorts(master.get().index()), "list ports of " + bridge).stream()
                .map(RtnlCodec::link).filter(port -> port.masterIndex() == master.get().index())
                .map(port -> port.resolve(names)).toList();
    }

    private List<RawLink> rawLinks() {
        return socket().dump(RtnlCodec.dumpLinks(), "list links in " + name).stream().map(RtnlCodec::link).toList();
    }

    /** The addresses of one link (from a dump of them all: the kernel filters address dumps only in strict mode). */
    private List<IpPrefix> addressesOf(int index) {
        return socket().dump(RtnlCodec.dumpAddresses(), "list addresses in " + name).stream()
                .filter(message -> RtnlCodec.addressIndex(message) == index)
                .map(message -> RtnlCodec.address(message, Map.of()).prefix()).toList();
    }

    @Override
    public List<Address> addresses() {
        Map<Integer, String> names = RtnlCodec.names(rawLinks());
        return socket().dump(RtnlCodec.dumpAddresses(), "list addresses in " + name).stream()
                .map(message -> RtnlCodec.address(message, names)).toList();
    }

    @Override
    public List<Route> routes() {
        Map<Integer, String> names = RtnlCodec.names(rawLinks());
        List<Route> routes = new ArrayList<>();
        for (ByteBuffer message : socket().dump(RtnlCodec.dumpRoutes(), "list routes in " + name)) {
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
                // not Files.readAllBytes: it trusts the size /proc reports (0) and returned "3" of "32768\t60999"
                return String.join("\n", Files.readAllLines(Path.of("/proc/sys", path), StandardCharsets.UTF_8))
                        .strip();
            } catch (IOException e) {
                throw NamespaceMounts.failure(operation, e);
            }
        });
    }

    /** Opened on the namespace thread inside this namespace: the socket belongs to it from then on. */
    @Override
    public DatagramChannel openDatagramChannel(InetSocketAddress address) {
        return thread.in(handle, () -> Sockets.datagram(address));
    }

    @Override
    public ServerSocketChannel openServerSocketChannel(InetSocketAddress address) {
        return thread.in(handle, () -> Sockets.server(address));
    }

    @Override
    public SocketChannel openSocketChannel() {
        return thread.in(handle, Sockets::stream);
    }

    /** One libnftables run inside this namespace: the kernel commits the script as one transaction. */
    @Override
    public void replaceTable(NamespaceTable table) {
        String operation = "replace table " + table.qualifiedName() + " in namespace " + name;
        thread.in(handle, () -> NftFirewall.runHere(table.replacementScript(), operation));
    }

    @Override
    public void deleteTable(String family, String tableName) {
        String operation = "delete table " + family + " " + tableName + " in namespace " + name;
        thread.in(handle, () -> NftFirewall.runHere(NamespaceTable.deletionScript(family, tableName), operation));
    }

    @Override
    public String ruleset() {
        return thread.in(handle, () -> NftFirewall.runHere("list ruleset\n", "list ruleset in namespace " + name));
    }

    /** Closes the socket and the handle; the namespace thread leaves the namespace, so the kernel can free it. */
    @Override
    public void close() {
        rtnl.close();
        thread.forget(handle);
        handle.close();
    }
}
