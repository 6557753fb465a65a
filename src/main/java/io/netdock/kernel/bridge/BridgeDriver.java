package io.netdock.kernel.bridge;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.DesiredState;
import io.netdock.kernel.Errno;
import io.netdock.kernel.InterfaceNameTaken;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.KernelObjectExists;
import io.netdock.kernel.KernelObjectNotFound;
import io.netdock.kernel.KernelView;
import io.netdock.kernel.KernelView.LinkView;
import io.netdock.kernel.KernelView.NamespaceView;
import io.netdock.kernel.Plumbing;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.ReconcileReport;
import io.netdock.kernel.Sandbox;
import io.netdock.kernel.spi.Address;
import io.netdock.kernel.spi.FirewallChange;
import io.netdock.kernel.spi.FirewallRule;
import io.netdock.kernel.spi.Kernel;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkChange;
import io.netdock.kernel.spi.LinkGroups;
import io.netdock.kernel.spi.NetNamespace;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import io.netdock.kernel.spi.Step;
import io.netdock.kernel.DnsSockets;
import io.netdock.rollback.Rollback;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@link Plumbing} for bridge networks, on top of any {@link Kernel}: a bridge per network, a namespace per
 * sandbox, a veth pair per endpoint (host end on the bridge, container end created directly in the sandbox),
 * and netdock's nftables table. Each operation validates first, then sets up step by step, undoing its own steps
 * if a later one fails; tear-down is best effort and reports everything it could not do. What netdock creates is
 * in {@link LinkGroups#OWNED} from the creating request on; tear-down retires links, so callers never wait for
 * the kernel to free them.
 */
public class BridgeDriver implements Plumbing {

    /** The embedded DNS resolver's address in every sandbox ({@link DnsSockets#ADDRESS}). */
    private static final InetAddress RESOLVER = io.netdock.net.IpAddresses.parse(DnsSockets.ADDRESS);

    private final Kernel kernel;
    /** Networks set up since start, by bridge name: published ports look up {@code host_binding_ipv4} here. */
    private final Map<String, BridgeNetwork> networksByBridge = new ConcurrentHashMap<>();
    private final Set<String> hostSysctlsSet = ConcurrentHashMap.newKeySet();

    /** Prepares the host namespace: {@code lo} up, IPv4 forwarding on, netdock's nftables table present. */
    public BridgeDriver(Kernel kernel) {
        this.kernel = kernel;
        NetNamespace host = kernel.host();
        host.setUp("lo");
        enableHostSysctl("net/ipv4/ip_forward");
        kernel.firewall().ensure(FirewallRules.LAYOUT);
    }

    public Kernel kernel() {
        return kernel;
    }

    @Override
    public void setUpNetwork(BridgeNetwork network) {
        Validation.network(network);
        ensureNetwork(network, true);
    }

    /** @return whether the bridge had to be created */
    boolean ensureNetwork(BridgeNetwork network, boolean withFirewall) {
        NetNamespace host = kernel.host();
        String bridge = network.bridgeName();
        Rollback rollback = new Rollback("set up bridge " + bridge);
        try {
            boolean created = ensureBridge(host, network, rollback);
            List<Step> steps = new ArrayList<>();
            // marked again in case a crash came between creating the bridge and marking it
            steps.add(new Step.SetLink(bridge, LinkChange.ownedAndUp(Names.network(network.networkId()))
                    .withRouteLocalnet(true)));
            network.gateways().forEach(gateway -> steps.add(new Step.AddAddress(bridge, gateway)));
            throwUnexpected(host.apply(steps), failure -> !created && isAddressThere(failure));
            if (network.gateways().stream().anyMatch(IpPrefix::isIpv6)) {
                enableHostSysctl("net/ipv6/conf/all/forwarding");
            }
            if (!network.interContainer()) {
                enableHostSysctl("net/bridge/bridge-nf-call-iptables");
                enableHostSysctl("net/bridge/bridge-nf-call-ip6tables");
            }
            if (withFirewall) {
                Set<String> stale = created ? Set.of() : Set.of(Names.network(network.networkId()));
                kernel.firewall().apply(new FirewallChange(stale, FirewallRules.network(network)));
            }
            networksByBridge.put(bridge, network);
            return created;
        } catch (RuntimeException failure) {
            rollback.unwind(failure);
            throw failure;
        }
    }

    /** @return whether the bridge had to be created; an existing one must be this network's */
    private boolean ensureBridge(NetNamespace host, BridgeNetwork network, Rollback rollback) {
        String bridge = network.bridgeName();
        String mark = Names.network(network.networkId());
        NewLink.Bridge request = new NewLink.Bridge(bridge, network.mtu(), Names.bridgeMac(network.networkId()),
                LinkGroups.OWNED);
        Optional<Link> existing;
        try {
            existing = createOrAdopt(host, request, link -> link.kind().equals("bridge") && Names.isMarked(link, mark));
        } catch (KernelObjectExists taken) {
            Optional<Link> other = host.link(bridge);
            if (other.isEmpty()) {
                throw taken;
            }
            throw new InterfaceNameTaken(bridge, other.get().kind().equals("bridge"));
        }
        if (existing.isEmpty()) {
            rollback.onFailure("bridge " + bridge, () -> host.deleteLink(bridge));
            return true;
        }
        if (existing.get().mtu() != network.mtu()) {
            host.setLink(bridge, LinkChange.NONE.withMtu(network.mtu()));
        }
        return false;
    }

    /**
     * Creates a link, or adopts the one that already has its name if {@code ours} accepts it. A retired link may
     * still hold a name for a moment (the kernel frees links in the background), so a clash is retried once after
     * waiting for retired links to go.
     *
     * @return empty if the link was created, else the existing link
     */
    private Optional<Link> createOrAdopt(NetNamespace namespace, NewLink request, Predicate<Link> ours) {
        return createOrAdopt(namespace, request, ours, link -> false);
    }

    /**
     * As above; a link with the name that {@code stale} recognises (netdock's own, left from before) is deleted and
     * the link created anew.
     */
    private Optional<Link> createOrAdopt(NetNamespace namespace, NewLink request, Predicate<Link> ours,
                                         Predicate<Link> stale) {
        for (boolean settled = false; ; settled = true) {
            try {
                namespace.createLink(request);
                return Optional.empty();
            } catch (KernelObjectExists exists) {
                Optional<Link> link = namespace.link(request.name());
                if (link.isPresent() && ours.test(link.get())) {
                    return link;
                }
                if (settled) {
                    throw exists;
                }
                if (link.isPresent() && stale.test(link.get())) {
                    namespace.deleteLink(request.name());
                } else {
                    kernel.settle();
                }
            }
        }
    }

    @Override
    public void tearDownNetwork(BridgeNetwork network) {
        String bridge = network.bridgeName();
        NetNamespace host = kernel.host();
        Failures failures = new Failures("tear down network " + bridge);
        failures.attempt(() -> kernel.firewall().apply(
                FirewallChange.removing(Set.of(Names.network(network.networkId())))));
        Optional<Link> link = host.link(bridge);
        if (link.isPresent() && Names.isMarked(link.get(), Names.network(network.networkId()))) {
            for (Link port : host.portsOf(bridge)) {
                failures.attempt(() -> retireIfPresent(host, port.name()));
            }
            failures.attempt(() -> retireIfPresent(host, bridge));
        }
        networksByBridge.remove(bridge);
        failures.throwIfAny();
    }

    @Override
    public Sandbox createSandbox(String sandboxId) {
        ensureSandbox(sandboxId);
        return new Sandbox(sandboxId, kernel.namespaceKey(Names.sandbox(sandboxId)));
    }

    /** @return whether the namespace had to be created */
    boolean ensureSandbox(String sandboxId) {
        String name = Names.sandbox(sandboxId);
        Optional<NetNamespace> existing = kernel.namespace(name);
        if (existing.isPresent()) {
            existing.get().setUp("lo");
            return false;
        }
        NetNamespace sandbox = kernel.createNamespace(name);
        try {
            sandbox.setUp("lo");
            return true;
        } catch (RuntimeException failure) {
            try {
                kernel.deleteNamespace(name);
            } catch (RuntimeException undoFailed) {
                failure.addSuppressed(undoFailed);
            }
            throw failure;
        }
    }

    @Override
    public void removeSandbox(String sandboxId) {
        removeNamespace(Names.sandbox(sandboxId));
    }

    /** Its links go with it, in the background: the caller does not wait for the kernel to free them. */
    void removeNamespace(String name) {
        try {
            kernel.deleteNamespace(name);
        } catch (KernelObjectNotFound gone) {
            // already gone: what removing wanted
        }
    }

    @Override
    public void attach(Attachment attachment) {
        Validation.attachment(attachment);
        ensureAttachment(attachment);
    }

    /** @return whether the veth pair had to be created */
    boolean ensureAttachment(Attachment attachment) {
        String sandboxName = Names.sandbox(attachment.sandboxId());
        String iface = attachment.interfaceName();
        NetNamespace sandbox = kernel.namespace(sandboxName).orElseThrow(() -> KernelException.of(
                "attach " + iface + " to sandbox " + sandboxName, Errno.ENOENT));
        NetNamespace host = kernel.host();
        String veth = Names.veth(attachment.endpointId());
        BridgeNetwork network = attachment.network();
        NewLink.Veth request = new NewLink.Veth(veth, network.mtu(), network.bridgeName(), iface,
                attachment.macAddress(), sandbox, LinkGroups.OWNED);
        // this endpoint's host end whose peer is not in the sandbox: left by a namespace that a crash unmounted and
        // the kernel has not freed yet (its name comes from the endpoint ID, so it is no one else's)
        Optional<Link> existing = createOrAdopt(host, request, link -> isAttached(link, sandbox, attachment),
                link -> Names.isMarked(link, Names.endpoint(attachment.endpointId())));
        if (existing.isPresent()) {
            configureHostEnd(host, veth, attachment);
            configureEndpoint(sandbox, attachment, true);
            return false;
        }
        Rollback rollback = new Rollback("attach " + veth + " to " + network.bridgeName());
        rollback.onFailure("veth " + veth, () -> host.deleteLink(veth));
        try {
            configureHostEnd(host, veth, attachment);
            configureEndpoint(sandbox, attachment, false);
            return true;
        } catch (RuntimeException failure) {
            rollback.unwind(failure);
            throw failure;
        }
    }

    private static boolean isAttached(Link hostEnd, NetNamespace sandbox, Attachment attachment) {
        Optional<Link> containerEnd = sandbox.link(attachment.interfaceName());
        return containerEnd.isPresent()
                && Names.isMarked(hostEnd, Names.endpoint(attachment.endpointId()))
                && attachment.network().bridgeName().equals(hostEnd.master())
                && hostEnd.peerIndex() == containerEnd.get().index();
    }

    /**
     * The bridge port: marked, no IPv6 link-local address (it would only cost time), hairpin mode so that a
     * container reaches its own published ports through a host address (as Docker does without userland proxy:
     * after DNAT the frame leaves by the port it came in on).
     */
    private static void configureHostEnd(NetNamespace host, String veth, Attachment attachment) {
        host.setLink(veth, LinkChange.ownedAndUp(Names.endpoint(attachment.endpointId())).withHairpin(true));
    }

    /**
     * The container end, in one batch: no automatic IPv6 addresses, its addresses — in an IPv6 network also the
     * {@code fe80::} address the kernel would derive from its MAC, as Docker's containers have (assigned here, not
     * left to the kernel, which adds it asynchronously once the link has carrier) — up, default routes: in that
     * order (a route needs its device up and its gateway on-link).
     */
    private static void configureEndpoint(NetNamespace sandbox, Attachment attachment, boolean existing) {
        String iface = attachment.interfaceName();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.SetLink(iface, LinkChange.NONE.withIpv6LinkLocal(false)));
        attachment.addresses().forEach(address -> steps.add(new Step.AddAddress(iface, address)));
        if (attachment.network().gateways().stream().anyMatch(IpPrefix::isIpv6)) {
            String mac = attachment.macAddress() != null ? attachment.macAddress()
                    : sandbox.link(iface).orElseThrow(() -> KernelException.of("get link " + iface, Errno.ENODEV))
                            .macAddress();
            steps.add(new Step.AddAddress(iface, IpPrefix.linkLocal(mac)));
        }
        steps.add(new Step.SetLink(iface, LinkChange.UP));
        for (InetAddress gateway : new InetAddress[] {attachment.gatewayV4(), attachment.gatewayV6()}) {
            if (gateway != null) {
                steps.add(new Step.AddRoute(Route.defaultVia(gateway, iface)));
            }
        }
        throwUnexpected(sandbox.apply(steps), failure -> existing && (isAddressThere(failure)
                || isOwnRoute(sandbox, failure, iface)));
    }

    private static boolean isAddressThere(Step.Outcome outcome) {
        return outcome.step() instanceof Step.AddAddress && outcome.failure() instanceof KernelObjectExists;
    }

    private static boolean isOwnRoute(NetNamespace sandbox, Step.Outcome outcome, String iface) {
        if (!(outcome.step() instanceof Step.AddRoute add) || !(outcome.failure() instanceof KernelObjectExists)) {
            return false;
        }
        Route route = add.route();
        return sandbox.routes().stream().anyMatch(r -> r.isDefault() && r.isIpv6() == route.isIpv6()
                && route.gateway().equals(r.gateway()) && iface.equals(r.device()));
    }

    /** Throws the first failure of a batch that is not {@code tolerated}. */
    private static void throwUnexpected(List<Step.Outcome> outcomes, Predicate<Step.Outcome> tolerated) {
        for (Step.Outcome outcome : outcomes) {
            if (outcome.failed() && !tolerated.test(outcome)) {
                throw outcome.failure();
            }
        }
    }

    /**
     * Retires the container end (so its name is free in the sandbox at once) after checking it is this endpoint's
     * peer; the host end goes with it. Without a sandbox, or if the names do not match, retires the host end.
     */
    @Override
    public void detach(Attachment attachment) {
        NetNamespace host = kernel.host();
        String veth = Names.veth(attachment.endpointId());
        Optional<Link> hostEnd = host.link(veth);
        if (hostEnd.isEmpty()) {
            return;
        }
        Optional<NetNamespace> sandbox = kernel.namespace(Names.sandbox(attachment.sandboxId()));
        Optional<Link> containerEnd = sandbox.flatMap(namespace -> namespace.link(attachment.interfaceName()));
        if (containerEnd.isPresent() && containerEnd.get().index() == hostEnd.get().peerIndex()) {
            retireIfPresent(sandbox.get(), attachment.interfaceName());
        } else {
            retireIfPresent(host, veth);
        }
    }

    @Override
    public void publish(List<PortForward> forwards) {
        Set<String> marks = new LinkedHashSet<>();
        List<FirewallRule> rules = new ArrayList<>();
        for (PortForward forward : forwards) {
            Validation.forward(forward);
            marks.add(Names.port(forward));
            rules.addAll(FirewallRules.forward(forward, networksByBridge.get(forward.bridgeName())));
        }
        if (!forwards.isEmpty()) {
            kernel.firewall().apply(new FirewallChange(marks, rules));
        }
    }

    @Override
    public void unpublish(List<PortForward> forwards) {
        Set<String> marks = new LinkedHashSet<>();
        forwards.forEach(forward -> marks.add(Names.port(forward)));
        if (!marks.isEmpty()) {
            kernel.firewall().apply(FirewallChange.removing(marks));
        }
    }

    @Override
    public DnsSockets openResolver(String sandboxId) {
        String name = Names.sandbox(sandboxId);
        NetNamespace sandbox = namespaceOf(Optional.of(sandboxId), "open resolver");
        InetSocketAddress anyPort = new InetSocketAddress(RESOLVER, 0);
        DatagramChannel udp = sandbox.openDatagramChannel(anyPort);
        DnsSockets sockets = null;
        try {
            ServerSocketChannel tcp = sandbox.openServerSocketChannel(anyPort);
            sockets = new DnsSockets(sandboxId, udp, tcp);
            sandbox.replaceTable(DnsRules.table(sockets.udpPort(), sockets.tcpPort()));
            return sockets;
        } catch (RuntimeException failure) {
            if (sockets != null) {
                sockets.close();
            } else {
                DnsSockets.closeQuietly(udp);
            }
            throw failure;
        }
    }

    @Override
    public DnsSockets openHostListener(InetSocketAddress address) {
        NetNamespace host = kernel.host();
        DatagramChannel udp = host.openDatagramChannel(address);
        try {
            int port = DnsSockets.localAddress(udp).getPort();
            ServerSocketChannel tcp = host.openServerSocketChannel(new InetSocketAddress(address.getAddress(), port));
            return new DnsSockets(DnsSockets.HOST, udp, tcp);
        } catch (RuntimeException failure) {
            DnsSockets.closeQuietly(udp);
            throw failure;
        }
    }

    @Override
    public void closeResolver(String sandboxId) {
        kernel.namespace(Names.sandbox(sandboxId))
                .ifPresent(sandbox -> sandbox.deleteTable(DnsRules.FAMILY, DnsRules.TABLE));
    }

    @Override
    public DatagramChannel openDatagramChannel(Optional<String> sandboxId) {
        return namespaceOf(sandboxId, "open udp socket").openDatagramChannel(null);
    }

    @Override
    public java.nio.channels.SocketChannel openSocketChannel(Optional<String> sandboxId) {
        return namespaceOf(sandboxId, "open tcp socket").openSocketChannel();
    }

    private NetNamespace namespaceOf(Optional<String> sandboxId, String operation) {
        if (sandboxId.isEmpty()) {
            return kernel.host();
        }
        String name = Names.sandbox(sandboxId.get());
        return kernel.namespace(name).orElseThrow(() -> KernelException.of(operation + " in sandbox " + name,
                Errno.ENOENT));
    }

    /** Removes the DNS rules a sandbox has no resolver for any more (reconcile). */
    boolean removeResolverRules(String sandboxId) {
        Optional<NetNamespace> sandbox = kernel.namespace(Names.sandbox(sandboxId));
        if (sandbox.isEmpty() || !sandbox.get().ruleset().contains("table " + DnsRules.FAMILY + " " + DnsRules.TABLE
                + " ")) {
            return false;
        }
        sandbox.get().deleteTable(DnsRules.FAMILY, DnsRules.TABLE);
        return true;
    }

    /** Waits for links being freed in the background first, so the view shows what netdock's calls left. */
    @Override
    public KernelView view() {
        kernel.settle();
        List<NamespaceView> namespaces = new ArrayList<>();
        namespaces.add(view("host", kernel.host(), ""));
        for (String name : kernel.namespaces()) {
            kernel.namespace(name).ifPresent(namespace -> namespaces.add(view(name, namespace, namespace.ruleset())));
        }
        return new KernelView(kernel.mode(), namespaces, kernel.firewall().ruleset());
    }

    private static NamespaceView view(String name, NetNamespace namespace, String ruleset) {
        List<LinkView> links = namespace.links().stream()
                .map(l -> new LinkView(l.name(), l.index(), l.kind(), l.peerIndex(), l.master(), l.macAddress(),
                        l.mtu(), l.up()))
                .toList();
        List<String> addresses = namespace.addresses().stream().map(Address::toString).toList();
        List<String> routes = namespace.routes().stream().map(Route::toString).toList();
        return new NamespaceView(name, links, addresses, routes, ruleset);
    }

    @Override
    public ReconcileReport reconcile(DesiredState desired) {
        return new Reconciler(this, kernel).reconcile(desired);
    }

    /** Rebuilds netdock's table from the desired networks and forwards, in one transaction. */
    void replaceFirewall(List<BridgeNetwork> networks, List<PortForward> forwards) {
        networksByBridge.clear();
        networks.forEach(network -> networksByBridge.put(network.bridgeName(), network));
        List<FirewallRule> rules = new ArrayList<>();
        networks.forEach(network -> rules.addAll(FirewallRules.network(network)));
        for (PortForward forward : forwards) {
            Validation.forward(forward);
            rules.addAll(FirewallRules.forward(forward, networksByBridge.get(forward.bridgeName())));
        }
        kernel.firewall().replace(FirewallRules.LAYOUT, rules);
    }

    @Override
    public String hostSysctl(String path) {
        return kernel.host().sysctl(path);
    }

    /** Host-namespace sysctls netdock turns on ({@code = 1}); written once per start. */
    private void enableHostSysctl(String path) {
        if (hostSysctlsSet.add(path)) {
            try {
                kernel.host().setSysctl(path, "1");
            } catch (RuntimeException failure) {
                hostSysctlsSet.remove(path);
                throw failure;
            }
        }
    }

    static void deleteIfPresent(NetNamespace namespace, String link) {
        try {
            namespace.deleteLink(link);
        } catch (KernelObjectNotFound gone) {
            // already gone: what deleting wanted
        }
    }

    private static void retireIfPresent(NetNamespace namespace, String link) {
        try {
            namespace.retireLink(link);
        } catch (KernelObjectNotFound gone) {
            // already gone: what retiring wanted
        }
    }
}
