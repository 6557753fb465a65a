package io.netdock.kernel.bridge;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.DesiredState;
import io.netdock.kernel.Errno;
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
import io.netdock.kernel.spi.NetNamespace;
import io.netdock.kernel.spi.NewLink;
import io.netdock.kernel.spi.Route;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Plumbing} for bridge networks, on top of any {@link Kernel}: a bridge per network, a namespace per
 * sandbox, a veth pair per endpoint (host end on the bridge, container end created directly in the sandbox),
 * and netdock's nftables table. Each operation validates first, then sets up step by step, undoing its own steps
 * if a later one fails; tear-down is best effort and reports everything it could not do.
 */
public class BridgeDriver implements Plumbing {

    private static final String SANDBOX_ADDRESS_GENERATION = "net/ipv6/conf/default/addr_gen_mode";

    private final Kernel kernel;
    /** Networks set up since start, by bridge name: published ports look up {@code host_binding_ipv4} here. */
    private final Map<String, BridgeNetwork> networksByBridge = new ConcurrentHashMap<>();
    private final Set<String> hostSysctlsSet = ConcurrentHashMap.newKeySet();

    /** Prepares the host namespace: {@code lo} up, IPv4 forwarding on, netdock's nftables table present. */
    public BridgeDriver(Kernel kernel) {
        this.kernel = kernel;
        NetNamespace host = kernel.host();
        host.setUp("lo");
        hostSysctl("net/ipv4/ip_forward");
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
        Rollback rollback = new Rollback();
        try {
            boolean created = ensureBridge(host, network, rollback);
            for (IpPrefix gateway : network.gateways()) {
                addAddress(host, bridge, gateway, !created);
            }
            host.setUp(bridge);
            host.setSysctl("net/ipv4/conf/" + bridge + "/route_localnet", "1");
            if (network.gateways().stream().anyMatch(IpPrefix::isIpv6)) {
                hostSysctl("net/ipv6/conf/all/forwarding");
            }
            if (!network.interContainer()) {
                hostSysctl("net/bridge/bridge-nf-call-iptables");
                hostSysctl("net/bridge/bridge-nf-call-ip6tables");
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

    private boolean ensureBridge(NetNamespace host, BridgeNetwork network, Rollback rollback) {
        String bridge = network.bridgeName();
        String mark = Names.network(network.networkId());
        try {
            host.createLink(new NewLink.Bridge(bridge, network.mtu(), Names.bridgeMac(network.networkId())));
        } catch (KernelObjectExists exists) {
            Link link = host.link(bridge).orElseThrow(() -> exists);
            if (!link.kind().equals("bridge") || !mark.equals(link.alias())) {
                throw exists;
            }
            if (link.mtu() != network.mtu()) {
                host.setLink(bridge, new LinkChange(null, network.mtu(), null, null, null));
            }
            return false;
        }
        rollback.onFailure(() -> host.deleteLink(bridge));
        host.setLink(bridge, new LinkChange(null, null, null, mark, false));
        return true;
    }

    @Override
    public void tearDownNetwork(BridgeNetwork network) {
        String bridge = network.bridgeName();
        NetNamespace host = kernel.host();
        Failures failures = new Failures("tear down network " + bridge);
        failures.attempt(() -> kernel.firewall().apply(
                FirewallChange.removing(Set.of(Names.network(network.networkId())))));
        Optional<Link> link = host.link(bridge);
        if (link.isPresent() && Names.network(network.networkId()).equals(link.get().alias())) {
            for (Link port : host.links()) {
                if (bridge.equals(port.master())) {
                    failures.attempt(() -> deleteIfPresent(host, port.name()));
                }
            }
            failures.attempt(() -> deleteIfPresent(host, bridge));
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
            sandbox.setSysctl(SANDBOX_ADDRESS_GENERATION, "1");
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

    void removeNamespace(String name) {
        Optional<NetNamespace> sandbox = kernel.namespace(name);
        if (sandbox.isEmpty()) {
            if (kernel.namespaces().contains(name)) {
                kernel.deleteNamespace(name); // a crash's leftover: the mount point without a namespace
            }
            return;
        }
        Failures failures = new Failures("remove sandbox " + name);
        // deleting each veth now (not when the namespace dies, asynchronously) takes its host end with it at once
        for (Link link : sandbox.get().links()) {
            if (!link.kind().equals("loopback")) {
                failures.attempt(() -> deleteIfPresent(sandbox.get(), link.name()));
            }
        }
        failures.attempt(() -> kernel.deleteNamespace(name));
        failures.throwIfAny();
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
        try {
            host.createLink(new NewLink.Veth(veth, network.mtu(), network.bridgeName(), iface,
                    attachment.macAddress(), sandbox));
        } catch (KernelObjectExists exists) {
            if (!isAttached(host, sandbox, attachment, veth)) {
                throw exists;
            }
            configureEndpoint(sandbox, attachment, true);
            return false;
        }
        Rollback rollback = new Rollback();
        rollback.onFailure(() -> host.deleteLink(veth));
        try {
            host.setLink(veth, new LinkChange(null, null, null, Names.endpoint(attachment.endpointId()), false));
            host.setUp(veth);
            configureEndpoint(sandbox, attachment, false);
            return true;
        } catch (RuntimeException failure) {
            rollback.unwind(failure);
            throw failure;
        }
    }

    private static boolean isAttached(NetNamespace host, NetNamespace sandbox, Attachment attachment, String veth) {
        Optional<Link> hostEnd = host.link(veth);
        Optional<Link> containerEnd = sandbox.link(attachment.interfaceName());
        return hostEnd.isPresent() && containerEnd.isPresent()
                && Names.endpoint(attachment.endpointId()).equals(hostEnd.get().alias())
                && attachment.network().bridgeName().equals(hostEnd.get().master())
                && hostEnd.get().peerIndex() == containerEnd.get().index();
    }

    /** Addresses, link up, default routes: in that order (a route needs its device up and its gateway on-link). */
    private static void configureEndpoint(NetNamespace sandbox, Attachment attachment, boolean existing) {
        String iface = attachment.interfaceName();
        for (IpPrefix address : attachment.addresses()) {
            addAddress(sandbox, iface, address, existing);
        }
        sandbox.setUp(iface);
        for (InetAddress gateway : new InetAddress[] {attachment.gatewayV4(), attachment.gatewayV6()}) {
            if (gateway == null) {
                continue;
            }
            Route route = Route.defaultVia(gateway, iface);
            try {
                sandbox.addRoute(route);
            } catch (KernelObjectExists exists) {
                boolean ours = sandbox.routes().stream().anyMatch(r -> r.isDefault() && r.isIpv6() == route.isIpv6()
                        && gateway.equals(r.gateway()) && iface.equals(r.device()));
                if (!existing || !ours) {
                    throw exists;
                }
            }
        }
    }

    private static void addAddress(NetNamespace namespace, String link, IpPrefix address, boolean mayExist) {
        try {
            namespace.addAddress(link, address);
        } catch (KernelObjectExists exists) {
            if (!mayExist) {
                throw exists;
            }
        }
    }

    @Override
    public void detach(Attachment attachment) {
        deleteIfPresent(kernel.host(), Names.veth(attachment.endpointId()));
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
    public KernelView view() {
        List<NamespaceView> namespaces = new ArrayList<>();
        namespaces.add(view("host", kernel.host()));
        for (String name : kernel.namespaces()) {
            kernel.namespace(name).ifPresent(namespace -> namespaces.add(view(name, namespace)));
        }
        return new KernelView(kernel.mode(), namespaces, kernel.firewall().ruleset());
    }

    private static NamespaceView view(String name, NetNamespace namespace) {
        List<LinkView> links = namespace.links().stream()
                .map(l -> new LinkView(l.name(), l.index(), l.kind(), l.peerIndex(), l.master(), l.macAddress(),
                        l.mtu(), l.up()))
                .toList();
        List<String> addresses = namespace.addresses().stream().map(Address::toString).toList();
        List<String> routes = namespace.routes().stream().map(Route::toString).toList();
        return new NamespaceView(name, links, addresses, routes);
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

    /** Host-namespace sysctls netdock turns on ({@code = 1}); written once per start. */
    private void hostSysctl(String path) {
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
}
