package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.ipam.AddressAllocator;
import io.netdock.ipam.Cidr;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Before the API is served: makes sure the predefined networks exist ({@code bridge} on the configured subnet,
 * {@code host}, {@code none}). The kernel is brought in line with the stored networks afterwards, by the start-up
 * reconcile of the container module (which knows the running containers too).
 */
@Component
class NetworkStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(NetworkStartup.class);

    private final Networks networks;
    private final NetworkService service;
    private final AddressAllocator allocator;
    private final BridgeProperties bridge;

    NetworkStartup(Networks networks, NetworkService service, AddressAllocator allocator, BridgeProperties bridge) {
        this.networks = networks;
        this.service = service;
        this.allocator = allocator;
        this.bridge = bridge;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureDefaultBridge();
        ensure(predefined("host", Network.HOST_DRIVER, List.of(), Map.of()));
        ensure(predefined("none", Network.NULL_DRIVER, List.of(), Map.of()));
    }

    private void ensureDefaultBridge() {
        Optional<Network> stored = networks.findByName(Network.DEFAULT_BRIDGE);
        IpamConfig wanted = defaultBridgeConfig(bridge.subnet(), stored.isPresent());
        if (stored.isEmpty()) {
            ensure(predefined(Network.DEFAULT_BRIDGE, Network.BRIDGE_DRIVER, List.of(wanted), defaultBridgeOptions()));
            return;
        }
        Network current = stored.get();
        List<IpamConfig> config = current.ipam().config();
        if (config.equals(List.of(wanted))) {
            return;
        }
        if (config.equals(List.of(wanted.withGateway(wanted.gateway(), false)))) {
            networks.showGateways(withIpamConfig(current, wanted));
            return;
        }
        Cidr subnet = wanted.subnetCidr();
        for (Network other : networks.findAll()) {
            if (!other.isDefaultBridge() && other.activeConfig().stream()
                    .anyMatch(c -> c.subnetCidr().overlaps(subnet))) {
                throw new IllegalStateException("netdock.bridge.subnet=" + bridge.subnet()
                        + " overlaps network " + other.name() + "; choose another subnet or remove that network");
            }
        }
        log.info("default bridge moves to {} (netdock.bridge.subnet)", wanted.subnet());
        networks.replaceIpamConfig(withIpamConfig(current, wanted));
        allocator.evict(current.id());
    }

    /**
     * {@code --bip} semantics: host bits in the configured prefix name the gateway. Like dockerd, inspect shows the
     * gateway when it was named that way or when the bridge already existed at start (dockerd takes the address
     * docker0 already has; on a fresh bridge it lists only the subnet).
     */
    static IpamConfig defaultBridgeConfig(String configured, boolean bridgeExisted) {
        Cidr given = Cidr.parseOrNull(configured);
        if (given == null || given.isIpv6()) {
            throw new IllegalStateException("netdock.bridge.subnet must be an IPv4 CIDR such as 172.17.0.0/16, not "
                    + configured);
        }
        Cidr subnet = given.masked();
        InetAddress gateway = given.hasHostBits() ? given.address() : subnet.firstHost();
        return new IpamConfig(subnet.toString(), null, IpAddresses.format(gateway), Map.of(), false,
                given.hasHostBits() || bridgeExisted);
    }

    private static Network withIpamConfig(Network current, IpamConfig config) {
        return new Network(current.id(), current.name(), current.driver(), current.scope(), current.created(),
                current.internal(), current.attachable(), current.ingress(), current.configOnly(),
                current.configFrom(), current.enableIpv4(), current.enableIpv6(),
                new IpamSettings(current.ipam().driver(), current.ipam().options(), List.of(config)),
                current.options(), current.labels());
    }

    private static Map<String, String> defaultBridgeOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(BridgeOptions.DEFAULT_BRIDGE, "true");
        options.put(BridgeOptions.ENABLE_ICC, "true");
        options.put(BridgeOptions.ENABLE_MASQUERADE, "true");
        options.put(BridgeOptions.HOST_BINDING_IPV4, "0.0.0.0");
        options.put(BridgeOptions.NAME, "docker0");
        options.put(BridgeOptions.MTU, "1500");
        return options;
    }

    private Network predefined(String name, String driver, List<IpamConfig> config, Map<String, String> options) {
        return new Network(NetworkCreation.newId(), name, driver, "local", service.now(), false, false, false, false,
                "", true, false, new IpamSettings("default", null, config), options, Map.of());
    }

    private void ensure(Network network) {
        if (networks.findByName(network.name()).isPresent()) {
            return;
        }
        try {
            networks.insert(network);
        } catch (DuplicateKeyException anotherProcessWasFirst) {
            log.debug("predefined network {} was created by another netdock", network.name());
        } catch (DockerError impossible) {
            throw new IllegalStateException(impossible.getMessage(), impossible);
        }
    }
}
