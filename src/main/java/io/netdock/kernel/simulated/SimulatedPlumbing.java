package io.netdock.kernel.simulated;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.KernelView;
import io.netdock.kernel.KernelView.LinkView;
import io.netdock.kernel.KernelView.NamespaceView;
import io.netdock.kernel.Plumbing;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.Sandbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory kernel: namespaces holding links (with ifindex, peer, master, MAC, MTU, state), addresses and
 * routes, plus a NAT ruleset. Needs no privileges; behaves like the real one for everything the domain reads.
 */
public class SimulatedPlumbing implements Plumbing {

    static final String HOST = "host";

    private final Map<String, SimNamespace> namespaces = new LinkedHashMap<>();
    private final Map<String, PortForward> forwards = new LinkedHashMap<>();
    private final String sandboxDirectory;
    private int nextIndex = 2;

    public SimulatedPlumbing(String sandboxDirectory) {
        this.sandboxDirectory = sandboxDirectory;
        SimNamespace host = new SimNamespace(HOST);
        host.links.put("lo", new SimLink("lo", 1, "loopback", 0, null, "00:00:00:00:00:00", 65536, true));
        namespaces.put(HOST, host);
    }

    @Override
    public synchronized void setUpNetwork(BridgeNetwork network) {
        SimNamespace host = namespaces.get(HOST);
        SimLink bridge = host.links.computeIfAbsent(network.bridgeName(), name ->
                new SimLink(name, nextIndex++, "bridge", 0, null, macFor(nextIndex), network.mtu(), true));
        for (IpPrefix gateway : network.gateways()) {
            host.addresses.putIfAbsent(gateway.toString(), bridge.name);
            String route = subnetOf(gateway) + " dev " + bridge.name + " proto kernel scope link src "
                    + gateway.address().getHostAddress();
            if (!host.routes.contains(route)) {
                host.routes.add(route);
            }
        }
    }

    @Override
    public synchronized void tearDownNetwork(BridgeNetwork network) {
        SimNamespace host = namespaces.get(HOST);
        host.links.remove(network.bridgeName());
        host.links.values().removeIf(link -> network.bridgeName().equals(link.master));
        host.addresses.values().removeIf(network.bridgeName()::equals);
        host.routes.removeIf(route -> route.contains(" dev " + network.bridgeName() + " "));
    }

    @Override
    public synchronized Sandbox createSandbox(String sandboxId) {
        namespaces.computeIfAbsent(sandboxId, id -> {
            SimNamespace sandbox = new SimNamespace(id);
            sandbox.links.put("lo", new SimLink("lo", 1, "loopback", 0, null, "00:00:00:00:00:00", 65536, true));
            return sandbox;
        });
        return new Sandbox(sandboxId, sandboxDirectory + "/" + sandboxId.substring(0, Math.min(12, sandboxId.length())));
    }

    @Override
    public synchronized void removeSandbox(String sandboxId) {
        SimNamespace sandbox = namespaces.remove(sandboxId);
        if (sandbox == null) {
            return;
        }
        SimNamespace host = namespaces.get(HOST);
        for (SimLink link : sandbox.links.values()) {
            if (link.peerIndex != 0) {
                host.links.values().removeIf(hostEnd -> hostEnd.index == link.peerIndex);
            }
        }
    }

    @Override
    public synchronized void attach(Attachment attachment) {
        SimNamespace host = namespaces.get(HOST);
        SimNamespace sandbox = namespaces.get(attachment.sandboxId());
        if (sandbox == null) {
            throw new KernelException("attach " + attachment.interfaceName() + " to sandbox "
                    + attachment.sandboxId() + ": No such file or directory", 2);
        }
        if (!host.links.containsKey(attachment.network().bridgeName())) {
            throw new KernelException("set master " + attachment.network().bridgeName() + ": No such device", 19);
        }
        if (sandbox.links.containsKey(attachment.interfaceName())) {
            return;
        }
        int hostIndex = nextIndex++;
        int sandboxIndex = nextIndex++;
        String hostName = vethName(attachment.endpointId());
        host.links.put(hostName, new SimLink(hostName, hostIndex, "veth", sandboxIndex,
                attachment.network().bridgeName(), macFor(hostIndex), attachment.network().mtu(), true));
        sandbox.links.put(attachment.interfaceName(), new SimLink(attachment.interfaceName(), sandboxIndex, "veth",
                hostIndex, null, attachment.macAddress(), attachment.network().mtu(), true));
        for (IpPrefix address : attachment.addresses()) {
            sandbox.addresses.put(address.toString(), attachment.interfaceName());
            sandbox.routes.add(subnetOf(address) + " dev " + attachment.interfaceName() + " proto kernel scope link src "
                    + address.address().getHostAddress());
        }
        if (attachment.gatewayV4() != null) {
            sandbox.routes.add("default via " + attachment.gatewayV4().getHostAddress() + " dev "
                    + attachment.interfaceName());
        }
        if (attachment.gatewayV6() != null) {
            sandbox.routes.add("default via " + attachment.gatewayV6().getHostAddress() + " dev "
                    + attachment.interfaceName());
        }
    }

    @Override
    public synchronized void detach(Attachment attachment) {
        SimNamespace host = namespaces.get(HOST);
        host.links.remove(vethName(attachment.endpointId()));
        SimNamespace sandbox = namespaces.get(attachment.sandboxId());
        if (sandbox != null) {
            sandbox.links.remove(attachment.interfaceName());
            sandbox.addresses.values().removeIf(attachment.interfaceName()::equals);
            sandbox.routes.removeIf(route -> route.contains(" dev " + attachment.interfaceName()));
        }
    }

    @Override
    public synchronized void publish(List<PortForward> toAdd) {
        for (PortForward forward : toAdd) {
            forwards.put(ruleKey(forward), forward);
        }
    }

    @Override
    public synchronized void unpublish(List<PortForward> toRemove) {
        for (PortForward forward : toRemove) {
            forwards.remove(ruleKey(forward));
        }
    }

    @Override
    public synchronized KernelView view() {
        List<NamespaceView> views = new ArrayList<>();
        for (SimNamespace namespace : namespaces.values()) {
            List<LinkView> links = namespace.links.values().stream()
                    .map(link -> new LinkView(link.name, link.index, link.kind, link.peerIndex, link.master,
                            link.mac, link.mtu, link.up))
                    .toList();
            List<String> addresses = namespace.addresses.entrySet().stream()
                    .map(e -> e.getKey() + " dev " + e.getValue()).toList();
            views.add(new NamespaceView(namespace.name, links, addresses, List.copyOf(namespace.routes)));
        }
        return new KernelView("simulated", views, ruleset());
    }

    private String ruleset() {
        StringBuilder nft = new StringBuilder("table ip netdock {\n\tchain prerouting {\n"
                + "\t\ttype nat hook prerouting priority dstnat; policy accept;\n");
        for (PortForward forward : forwards.values()) {
            nft.append("\t\t").append(dnatRule(forward)).append('\n');
        }
        return nft.append("\t}\n}\n").toString();
    }

    private static String dnatRule(PortForward forward) {
        String match = forward.hostIp().isAnyLocalAddress() ? "" : "ip daddr " + forward.hostIp().getHostAddress() + " ";
        return match + forward.protocol() + " dport " + forward.hostPort() + " dnat to "
                + forward.containerIp().getHostAddress() + ":" + forward.containerPort()
                + " comment \"" + forward.endpointId() + "\"";
    }

    private static String ruleKey(PortForward forward) {
        return forward.protocol() + "/" + forward.hostIp().getHostAddress() + "/" + forward.hostPort();
    }

    static String vethName(String endpointId) {
        return "veth" + endpointId.substring(0, Math.min(7, endpointId.length()));
    }

    private static String subnetOf(IpPrefix prefix) {
        byte[] bytes = prefix.address().getAddress();
        int bits = prefix.prefixLength();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            bytes[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
        }
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress() + "/" + bits;
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String macFor(int index) {
        return String.format("02:00:00:00:%02x:%02x", (index >> 8) & 0xff, index & 0xff);
    }

    private static final class SimNamespace {
        final String name;
        final Map<String, SimLink> links = new LinkedHashMap<>();
        final Map<String, String> addresses = new LinkedHashMap<>();
        final List<String> routes = new ArrayList<>();

        SimNamespace(String name) {
            this.name = name;
        }
    }

    private record SimLink(String name, int index, String kind, int peerIndex, String master, String mac, int mtu,
                           boolean up) {
    }
}
