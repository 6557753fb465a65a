package io.netdock.kernel.bridge;

import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.spi.FirewallChain;
import io.netdock.kernel.spi.FirewallLayout;
import io.netdock.kernel.spi.FirewallRule;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The nftables rules behind bridge networks and published ports, in nft's canonical words (as {@code nft list}
 * prints them back). The table's layout:
 * <ul>
 *   <li>{@code prerouting}/{@code output} (nat): traffic to a local address jumps to {@code published}, which
 *       holds one DNAT rule per published port (output covers connections made on the host itself, including to
 *       127.0.0.1; there is no userland proxy);</li>
 *   <li>{@code postrouting} (nat): outbound masquerade per network, masquerade of host-originated traffic into a
 *       bridge (needed after DNAT from 127.0.0.1), and hairpin masquerade per published port;</li>
 *   <li>{@code forward} (filter): each bridge jumps to {@code isolation} for traffic leaving it, which drops what
 *       is headed into another netdock bridge unless it was DNATed to a published port (as on Docker, a container
 *       on another network reaches a published port through its own gateway); internal networks drop
 *       everything crossing their bridge before that;
 *       {@code enable_icc=false} drops traffic between ports of the bridge. That last rule sees bridged traffic
 *       because br_netfilter hands it to the inet hooks ({@code net.bridge.bridge-nf-call-iptables=1}, set in
 *       the host namespace); nft's bridge family cannot match the bridge itself without
 *       {@code CONFIG_NFT_BRIDGE_META}.</li>
 * </ul>
 */
final class FirewallRules {

    static final FirewallLayout LAYOUT = new FirewallLayout(
            List.of(FirewallChain.base("prerouting", "nat", "prerouting", "dstnat"),
                    FirewallChain.base("output", "nat", "output", "-100"),
                    FirewallChain.regular("published"),
                    FirewallChain.base("postrouting", "nat", "postrouting", "srcnat"),
                    FirewallChain.base("forward", "filter", "forward", "filter"),
                    FirewallChain.regular("isolation")),
            List.of(new FirewallRule("prerouting", "fib daddr type local jump published", Names.BASE_MARK),
                    new FirewallRule("output", "fib daddr type local jump published", Names.BASE_MARK),
                    new FirewallRule("isolation", "ct status dnat accept", Names.BASE_MARK)));

    private FirewallRules() {
    }

    static List<FirewallRule> network(BridgeNetwork network) {
        String mark = Names.network(network.networkId());
        String bridge = quoted(network.bridgeName());
        List<FirewallRule> rules = new ArrayList<>();
        if (network.internal()) {
            rules.add(new FirewallRule("forward", "iifname " + bridge + " oifname != " + bridge + " drop", mark));
            rules.add(new FirewallRule("forward", "oifname " + bridge + " iifname != " + bridge + " drop", mark));
        }
        if (!network.interContainer()) {
            rules.add(new FirewallRule("forward", "iifname " + bridge + " oifname " + bridge + " drop", mark));
        }
        rules.add(new FirewallRule("forward", "iifname " + bridge + " oifname != " + bridge + " jump isolation", mark));
        rules.add(new FirewallRule("isolation", "oifname " + bridge + " drop", mark));
        if (!network.internal()) {
            rules.add(new FirewallRule("postrouting", "oifname " + bridge + " fib saddr type local masquerade", mark));
            if (network.masquerade()) {
                for (IpPrefix gateway : network.gateways()) {
                    rules.add(new FirewallRule("postrouting", family(gateway.isIpv6()) + " saddr " + gateway.network()
                            + " oifname != " + bridge + " masquerade", mark));
                }
            }
        }
        return rules;
    }

    /**
     * DNAT for a published port plus the hairpin masquerade that lets the container reach itself through it.
     * An any-address forward of the other family (e.g. {@code [::]:8080} to an IPv4 container) has no rule:
     * without a userland proxy there is nothing to translate it to.
     *
     * @param network the forward's network if known (its {@code host_binding_ipv4} narrows any-address IPv4)
     */
    static List<FirewallRule> forward(PortForward forward, BridgeNetwork network) {
        boolean v6 = forward.containerIp().getAddress().length == 16;
        InetAddress hostIp = forward.hostIp();
        String match;
        if (hostIp.isAnyLocalAddress()) {
            if ((hostIp.getAddress().length == 16) != v6) {
                return List.of();
            }
            String binding = network == null ? null : network.hostBindingIpv4();
            boolean narrowed = !v6 && binding != null && !binding.isEmpty() && !binding.equals("0.0.0.0");
            match = narrowed ? "ip daddr " + binding : "meta nfproto " + (v6 ? "ipv6" : "ipv4");
        } else {
            match = family(v6) + " daddr " + IpAddresses.format(hostIp);
        }
        String container = IpAddresses.format(forward.containerIp());
        String destination = (v6 ? "[" + container + "]" : container) + ":" + forward.containerPort();
        String mark = Names.port(forward);
        return List.of(
                new FirewallRule("published", match + " " + forward.protocol() + " dport " + forward.hostPort()
                        + " dnat " + family(v6) + " to " + destination, mark),
                new FirewallRule("postrouting", family(v6) + " saddr " + container + " " + family(v6) + " daddr "
                        + container + " " + forward.protocol() + " dport " + forward.containerPort() + " masquerade",
                        mark));
    }

    private static String family(boolean v6) {
        return v6 ? "ip6" : "ip";
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
