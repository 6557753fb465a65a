package io.netdock.kernel.simulated;

import io.netdock.kernel.Errno;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.spi.Address;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkNames;
import io.netdock.kernel.spi.LinkChange;
import io.netdock.kernel.spi.NamespaceTable;
import io.netdock.kernel.spi.NetNamespace;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import io.netdock.kernel.spi.Sockets;
import io.netdock.kernel.spi.Step;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One namespace of the {@link SimulatedKernel}: links, addresses, static routes and sysctls. Like the kernel's own
 * tables, what belongs to a link (its addresses, its bridge ports, its sysctls) is found by the link's name, so a
 * change to one link costs the same however many links the namespace holds.
 */
final class SimulatedNamespace implements NetNamespace {

    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern INTERFACE_SYSCTL = Pattern.compile("net/ipv[46]/conf/([^/]+)/.+");
    private static final Map<String, String> SYSCTL_DEFAULTS = Map.of(
            "net/ipv4/ip_forward", "0",
            "net/ipv6/conf/all/forwarding", "0",
            "net/ipv6/conf/default/addr_gen_mode", "0",
            "net/bridge/bridge-nf-call-iptables", "1",
            "net/bridge/bridge-nf-call-ip6tables", "1",
            "net/ipv4/ip_local_port_range", "32768\t60999");

    private final SimulatedKernel kernel;
    private final String name;
    private final Map<String, SimLink> links = new LinkedHashMap<>();
    /** Link name → its addresses in the order added; links in the order they got their first address. */
    private final Map<String, List<Address>> addresses = new LinkedHashMap<>();
    /** Bridge name → the names of its ports. */
    private final Map<String, Set<String>> ports = new HashMap<>();
    private final List<Route> staticRoutes = new ArrayList<>();
    private final Map<String, String> sysctls = new HashMap<>(SYSCTL_DEFAULTS);
    /** Link name → the paths of its sysctls. */
    private final Map<String, Set<String>> linkSysctls = new HashMap<>();
    /** nftables tables of this namespace by {@code family name}, in the order created. */
    private final Map<String, NamespaceTable> tables = new LinkedHashMap<>();
    private int nextIndex = 1;

    SimulatedNamespace(SimulatedKernel kernel, String name) {
        this.kernel = kernel;
        this.name = name;
        SimLink lo = new SimLink(nextIndex++, "lo", "loopback", "00:00:00:00:00:00", 65536, 0);
        links.put(lo.name, lo);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void createLink(NewLink request) {
        synchronized (kernel) {
            if (request instanceof NewLink.Bridge bridge) {
                createBridge(bridge);
            } else {
                createVeth((NewLink.Veth) request);
            }
        }
    }

    private void createBridge(NewLink.Bridge bridge) {
        String operation = "create bridge " + bridge.name();
        checkNewName(operation, bridge.name());
        checkMtu(operation, bridge.mtu());
        String mac = bridge.macAddress() != null ? checkMac(operation, bridge.macAddress()) : kernel.nextMacAddress();
        SimLink link = new SimLink(nextIndex++, bridge.name(), "bridge", mac, bridge.mtu(), bridge.group());
        links.put(link.name, link);
    }

    private void createVeth(NewLink.Veth veth) {
        SimulatedNamespace peerNamespace = (SimulatedNamespace) veth.peerNamespace();
        String operation = "create veth " + veth.name() + " → " + veth.master();
        checkNewName(operation, veth.name());
        checkMtu(operation, veth.mtu());
        SimLink master = links.get(veth.master());
        if (master == null) {
            throw KernelException.of(operation, Errno.ENODEV);
        }
        if (!master.kind.equals("bridge")) {
            throw KernelException.of(operation, Errno.EOPNOTSUPP);
        }
        String peerOperation = operation;
        peerNamespace.checkNewName(peerOperation, veth.peerName());
        String peerMac = veth.peerMacAddress() != null
                ? checkMac(peerOperation, veth.peerMacAddress()) : kernel.nextMacAddress();
        SimLink peer = new SimLink(peerNamespace.nextIndex++, veth.peerName(), "veth", peerMac, veth.mtu(), 0);
        SimLink link = new SimLink(nextIndex++, veth.name(), "veth", kernel.nextMacAddress(), veth.mtu(),
                veth.group());
        link.master = master.name;
        ports.computeIfAbsent(master.name, bridge -> new LinkedHashSet<>()).add(link.name);
        link.pair(peer, peerNamespace, this);
        peerNamespace.links.put(peer.name, peer);
        links.put(link.name, link);
    }

    @Override
    public void deleteLink(String linkName) {
        synchronized (kernel) {
            SimLink link = existing("delete link " + linkName, linkName);
            if (link.kind.equals("loopback")) {
                throw KernelException.of("delete link " + linkName, Errno.EOPNOTSUPP);
            }
            remove(link);
            if (link.peer != null) {
                link.peerNamespace.remove(link.peer);
            }
        }
    }

    /** The model frees links at once, so retiring one is deleting it. */
    @Override
    public void retireLink(String linkName) {
        deleteLink(linkName);
    }

    private void remove(SimLink link) {
        links.remove(link.name);
        addresses.remove(link.name);
        staticRoutes.removeIf(route -> route.device().equals(link.name));
        Set<String> paths = linkSysctls.remove(link.name);
        if (paths != null) {
            sysctls.keySet().removeAll(paths);
        }
        if (link.master != null) {
            Set<String> siblings = ports.get(link.master);
            if (siblings != null) {
                siblings.remove(link.name);
            }
        }
        Set<String> orphans = ports.remove(link.name);
        if (orphans != null) {
            orphans.stream().map(links::get).filter(port -> port != null).forEach(port -> port.master = null);
        }
    }

    /** The namespace goes away: its veths take their peers with them. */
    void destroy() {
        tables.clear();
        for (SimLink link : List.copyOf(links.values())) {
            remove(link);
            if (link.peer != null) {
                link.peerNamespace.remove(link.peer);
            }
        }
    }

    @Override
    public void setLink(String linkName, LinkChange change) {
        synchronized (kernel) {
            String operation = "set link " + linkName;
            SimLink link = existing(operation, linkName);
            if (change.mtu() != null) {
                checkMtu(operation, change.mtu());
            }
            if (change.macAddress() != null) {
                checkMac(operation, change.macAddress());
            }
            if (change.mtu() != null) {
                link.mtu = change.mtu();
            }
            if (change.macAddress() != null) {
                link.mac = change.macAddress();
            }
            if (change.hairpin() != null && link.master == null) {
                throw KernelException.of(operation, Errno.EOPNOTSUPP);
            }
            if (change.alias() != null) {
                link.alias = change.alias().isEmpty() ? null : change.alias();
            }
            if (change.hairpin() != null) {
                link.hairpin = change.hairpin();
            }
            if (change.routeLocalnet() != null) {
                putSysctl("net/ipv4/conf/" + link.name + "/route_localnet", change.routeLocalnet() ? "1" : "0");
            }
            if (change.up() != null && change.up() != link.up) {
                link.up = change.up();
                if (link.up && link.kind.equals("loopback")) {
                    addIfAbsent(new Address(link.name, IpPrefix.parse("127.0.0.1/8")));
                    addIfAbsent(new Address(link.name, IpPrefix.parse("::1/128")));
                }
                if (!link.up) {
                    staticRoutes.removeIf(route -> route.device().equals(link.name));
                }
            }
        }
    }

    private void addIfAbsent(Address address) {
        List<Address> own = addresses.computeIfAbsent(address.link(), linkName -> new ArrayList<>());
        if (!own.contains(address)) {
            own.add(address);
        }
    }

    @Override
    public void addAddress(String linkName, IpPrefix address) {
        synchronized (kernel) {
            String operation = "add address " + address + " to " + linkName;
            existing(operation, linkName);
            boolean duplicate = addresses.getOrDefault(linkName, List.of()).stream().anyMatch(a ->
                    a.prefix().address().equals(address.address())
                    && (address.isIpv6() || a.prefix().prefixLength() == address.prefixLength()));
            if (duplicate) {
                throw KernelException.of(operation, Errno.EEXIST,
                        address.isIpv6() ? null : "ipv4: Address already assigned");
            }
            addresses.computeIfAbsent(linkName, own -> new ArrayList<>()).add(new Address(linkName, address));
        }
    }

    @Override
    public void deleteAddress(String linkName, IpPrefix address) {
        synchronized (kernel) {
            String operation = "delete address " + address + " from " + linkName;
            existing(operation, linkName);
            if (!addresses.getOrDefault(linkName, new ArrayList<>()).remove(new Address(linkName, address))) {
                throw KernelException.of(operation, Errno.EADDRNOTAVAIL);
            }
        }
    }

    @Override
    public void addRoute(Route route) {
        synchronized (kernel) {
            String operation = "add route " + route;
            SimLink device = existing(operation, route.device());
            if (route.gateway() != null && connectedRoutes(addresses.getOrDefault(route.device(), List.of())).stream()
                    .noneMatch(connected -> contains(connected.destination(), route.gateway()))) {
                // what the kernel says of a gateway that no connected route of the device covers
                throw route.isIpv6() ? KernelException.of(operation, Errno.EHOSTUNREACH)
                        : KernelException.of(operation, Errno.ENETUNREACH, "Nexthop has invalid gateway");
            }
            if (!device.up) {
                throw KernelException.of(operation, Errno.ENETDOWN);
            }
            Route stored = route.isIpv6() && route.metric() == 0
                    ? new Route(route.destination(), route.gateway(), route.device(), route.protocol(), route.scope(),
                            route.source(), 1024)
                    : route;
            if (routes().stream().anyMatch(r -> r.destination().equals(stored.destination())
                    && r.metric() == stored.metric())) {
                throw KernelException.of(operation, Errno.EEXIST);
            }
            staticRoutes.add(stored);
        }
    }

    @Override
    public void deleteRoute(Route route) {
        synchronized (kernel) {
            boolean removed = staticRoutes.removeIf(r -> r.destination().equals(route.destination())
                    && r.device().equals(route.device())
                    && (route.gateway() == null || route.gateway().equals(r.gateway())));
            if (!removed) {
                throw KernelException.of("delete route " + route, Errno.ESRCH);
            }
        }
    }

    @Override
    public List<Step.Outcome> apply(List<Step> steps) {
        List<Step.Outcome> outcomes = new ArrayList<>();
        for (Step step : steps) {
            try {
                if (step instanceof Step.SetLink set) {
                    setLink(set.link(), set.change());
                } else if (step instanceof Step.AddAddress add) {
                    addAddress(add.link(), add.address());
                } else {
                    addRoute(((Step.AddRoute) step).route());
                }
                outcomes.add(new Step.Outcome(step, null));
            } catch (KernelException failure) {
                outcomes.add(new Step.Outcome(step, failure));
            }
        }
        return outcomes;
    }

    @Override
    public Optional<Link> link(String linkName) {
        synchronized (kernel) {
            return Optional.ofNullable(links.get(linkName)).map(SimLink::toLink);
        }
    }

    @Override
    public List<Link> links() {
        synchronized (kernel) {
            return links.values().stream().sorted(Comparator.comparingInt(l -> l.index)).map(SimLink::toLink).toList();
        }
    }

    @Override
    public List<Link> portsOf(String bridge) {
        synchronized (kernel) {
            return ports.getOrDefault(bridge, Set.of()).stream().map(links::get)
                    .sorted(Comparator.comparingInt(l -> l.index)).map(SimLink::toLink).toList();
        }
    }

    /** In the kernel's dump order: IPv4 first, then per link, and on a link link-local after the others. */
    @Override
    public List<Address> addresses() {
        synchronized (kernel) {
            return addresses.values().stream().flatMap(List::stream)
                    .sorted(Comparator.comparing((Address a) -> a.prefix().isIpv6())
                            .thenComparingInt(a -> links.get(a.link()).index)
                            .thenComparing(a -> a.prefix().address().isLinkLocalAddress()))
                    .toList();
        }
    }

    @Override
    public List<Route> routes() {
        synchronized (kernel) {
            List<Route> all = new ArrayList<>();
            addresses.values().forEach(own -> all.addAll(connectedRoutes(own)));
            all.addAll(staticRoutes);
            all.sort(Comparator.comparing(Route::isIpv6)
                    .thenComparing(route -> route.isIpv6() && route.isDefault())
                    .thenComparing((a, b) -> Arrays.compareUnsigned(a.destination().address().getAddress(),
                            b.destination().address().getAddress()))
                    .thenComparingInt(route -> route.destination().prefixLength()));
            return all;
        }
    }

    /** The prefix routes the kernel keeps for these addresses of links that are up (not for loopback). */
    private List<Route> connectedRoutes(List<Address> of) {
        List<Route> connected = new ArrayList<>();
        for (Address address : of) {
            SimLink link = links.get(address.link());
            IpPrefix prefix = address.prefix();
            if (!link.up || link.kind.equals("loopback") || prefix.prefixLength() == prefix.address().getAddress().length * 8) {
                continue;
            }
            connected.add(prefix.isIpv6()
                    ? new Route(prefix.network(), null, link.name, "kernel", "global", null, 256)
                    : new Route(prefix.network(), null, link.name, "kernel", "link", prefix.address(), 0));
        }
        return connected;
    }

    @Override
    public void setSysctl(String path, String value) {
        synchronized (kernel) {
            String device = interfaceOf(path);
            if (device != null && !links.containsKey(device)) {
                throw KernelException.of("write /proc/sys/" + path, Errno.ENOENT);
            }
            putSysctl(path, value);
        }
    }

    private void putSysctl(String path, String value) {
        sysctls.put(path, value);
        String device = interfaceOf(path);
        if (device != null) {
            linkSysctls.computeIfAbsent(device, linkName -> new HashSet<>()).add(path);
        }
    }

    @Override
    public String sysctl(String path) {
        synchronized (kernel) {
            String value = sysctls.get(path);
            if (value == null) {
                throw KernelException.of("read /proc/sys/" + path, Errno.ENOENT);
            }
            return value;
        }
    }

    /**
     * A real socket, in the process's own namespace (the closest a model gets to this one's): the DNS resolver in
     * simulated mode is reached without them, so only tests open them. As in Linux, a loopback address can only be
     * bound while {@code lo} is up.
     */
    @Override
    public DatagramChannel openDatagramChannel(InetSocketAddress address) {
        requireBindable(address, "open udp socket on ");
        return Sockets.datagram(address);
    }

    @Override
    public ServerSocketChannel openServerSocketChannel(InetSocketAddress address) {
        requireBindable(address, "open tcp socket on ");
        return Sockets.server(address);
    }

    @Override
    public SocketChannel openSocketChannel() {
        return Sockets.stream();
    }

    private void requireBindable(InetSocketAddress address, String operation) {
        if (address == null) {
            return;
        }
        synchronized (kernel) {
            SimLink lo = links.get("lo");
            if (address.getAddress().isLoopbackAddress() && (lo == null || !lo.up)) {
                throw KernelException.of(operation + address.getAddress().getHostAddress() + ":" + address.getPort(),
                        Errno.EADDRNOTAVAIL);
            }
        }
    }

    @Override
    public void replaceTable(NamespaceTable table) {
        synchronized (kernel) {
            tables.put(table.qualifiedName(), table);
        }
    }

    @Override
    public void deleteTable(String family, String tableName) {
        synchronized (kernel) {
            tables.remove(family + " " + tableName);
        }
    }

    @Override
    public String ruleset() {
        synchronized (kernel) {
            StringBuilder text = new StringBuilder();
            tables.values().forEach(table -> text.append(table.listing()));
            return text.toString();
        }
    }

    private static String interfaceOf(String sysctlPath) {
        Matcher matcher = INTERFACE_SYSCTL.matcher(sysctlPath);
        if (!matcher.matches() || matcher.group(1).equals("all") || matcher.group(1).equals("default")) {
            return null;
        }
        return matcher.group(1);
    }

    private SimLink existing(String operation, String linkName) {
        SimLink link = links.get(linkName);
        if (link == null) {
            throw KernelException.of(operation, Errno.ENODEV);
        }
        return link;
    }

    private void checkNewName(String operation, String linkName) {
        if (!LinkNames.isValid(linkName)) {
            throw KernelException.of(operation, Errno.EINVAL);
        }
        if (links.containsKey(linkName)) {
            throw KernelException.of(operation, Errno.EEXIST);
        }
    }

    private static void checkMtu(String operation, int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw KernelException.of(operation, Errno.EINVAL);
        }
    }

    private static String checkMac(String operation, String mac) {
        if (!MAC.matcher(mac).matches()) {
            throw KernelException.of(operation, Errno.EINVAL);
        }
        return mac;
    }

    private static boolean contains(IpPrefix network, InetAddress address) {
        return address.getAddress().length == network.address().getAddress().length
                && new IpPrefix(address, network.prefixLength()).network().equals(network);
    }

    /** A link's mutable state; {@link #toLink} takes a snapshot for callers. */
    private final class SimLink {
        final int index;
        final String name;
        final String kind;
        final int group;
        String mac;
        int mtu;
        boolean up;
        String master;
        String alias;
        boolean hairpin;
        SimLink peer;
        SimulatedNamespace peerNamespace;

        SimLink(int index, String name, String kind, String mac, int mtu, int group) {
            this.index = index;
            this.name = name;
            this.kind = kind;
            this.mac = mac;
            this.mtu = mtu;
            this.group = group;
        }

        void pair(SimLink other, SimulatedNamespace otherNamespace, SimulatedNamespace own) {
            peer = other;
            peerNamespace = otherNamespace;
            other.peer = this;
            other.peerNamespace = own;
        }

        Link toLink() {
            return new Link(index, name, kind, peer == null ? 0 : peer.index, master, mac, mtu, up, alias, group,
                    hairpin);
        }
    }
}
