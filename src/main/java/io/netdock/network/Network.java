package io.netdock.network;

import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.IpPrefix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A network as Docker knows it. Maps are never null. */
public record Network(String id, String name, String driver, String scope, Instant created,
                      boolean internal, boolean attachable, boolean ingress, boolean configOnly, String configFrom,
                      boolean enableIpv4, boolean enableIpv6, IpamSettings ipam,
                      Map<String, String> options, Map<String, String> labels) {

    /** Docker's predefined network names; {@code default} is reserved as an alias of the default network. */
    public static final Set<String> PREDEFINED_NAMES = Set.of("bridge", "host", "none", "default");

    public static final String BRIDGE_DRIVER = "bridge";
    public static final String HOST_DRIVER = "host";
    public static final String NULL_DRIVER = "null";
    public static final String DEFAULT_BRIDGE = "bridge";

    public Network {
        options = Map.copyOf(options);
        labels = Map.copyOf(labels);
    }

    public boolean isPredefined() {
        return PREDEFINED_NAMES.contains(name);
    }

    /** Containers on it use the embedded DNS resolver ({@code 127.0.0.11}): every network but the predefined ones. */
    public boolean hasEmbeddedResolver() {
        return !isPredefined();
    }

    public boolean isDefaultBridge() {
        return DEFAULT_BRIDGE.equals(name);
    }

    /** The host's own network namespace (driver {@code host}): a container joins it only in host mode. */
    public boolean isHost() {
        return HOST_DRIVER.equals(driver);
    }

    /**
     * Docker's {@code none} network (driver {@code null}; configuration-only networks carry that driver too but are
     * not it): no connectivity, and no second network beside it.
     */
    public boolean isNone() {
        return NULL_DRIVER.equals(driver) && !configOnly;
    }

    public boolean isBridge() {
        return BRIDGE_DRIVER.equals(driver) && !configOnly;
    }

    /** An IPAM.Config entry has a subnet the user gave (static addresses are allowed only then). */
    public boolean hasUserConfiguredSubnet() {
        return ipam.config().stream().anyMatch(IpamConfig::userSubnet);
    }

    /** Same, for one address family. */
    public boolean hasUserConfiguredSubnet(boolean ipv6) {
        return activeConfig().stream().anyMatch(c -> c.userSubnet() && c.isIpv6() == ipv6);
    }

    /** The IPAM entries the network actually uses: none for configuration-only networks or disabled families. */
    public List<IpamConfig> activeConfig() {
        if (configOnly) {
            return List.of();
        }
        return ipam.config().stream().filter(c -> c.isIpv6() ? enableIpv6 : enableIpv4).toList();
    }

    /** The kernel's view of this network (only meaningful for bridge networks). */
    public BridgeNetwork bridge() {
        List<IpPrefix> gateways = new ArrayList<>();
        for (IpamConfig config : activeConfig()) {
            if (config.gateway() != null) {
                gateways.add(new IpPrefix(config.gatewayAddress(), config.subnetCidr().prefixLength()));
            }
        }
        BridgeOptions bridge = BridgeOptions.of(this);
        return new BridgeNetwork(id, bridge.bridgeName(), List.copyOf(gateways), bridge.mtu(), internal,
                bridge.interContainer(), bridge.masquerade(), bridge.hostBindingIpv4());
    }
}
