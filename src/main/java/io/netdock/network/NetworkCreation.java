package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.ipam.AddressPool;
import io.netdock.ipam.Cidr;
import io.netdock.ipam.DefaultAddressPools;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Turns a create request into a network, checking it in the order Docker does (so the first error a client sees
 * is Docker's first error): predefined name, driver {@code overlay}, IPAM config, name, duplicates,
 * configuration-network rules, driver and scope, IPAM driver, subnets and pools, gateway and auxiliary addresses,
 * bridge options. Has no side effects: the caller stores the result.
 */
@Component
class NetworkCreation {

    static final String NOT_SWARM_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
            + "\"docker swarm join\" to connect this node to swarm and try again.";
    static final String POOL_OVERLAPS = "Pool overlaps with other one on this address space";

    /** Docker sets no limit; netdock keeps names indexable by every database it runs on. */
    static final int MAX_NAME_BYTES = 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DefaultAddressPools pools;
    private final Networks networks;

    NetworkCreation(DefaultAddressPools pools, Networks networks) {
        this.pools = pools;
        this.networks = networks;
    }

    static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Reads only what the checks need (by name, the held subnets, bridge names), not every network. */
    Network plan(NetworkSpec spec, Instant now) {
        String name = spec.name() == null ? "" : spec.name();
        if (Network.PREDEFINED_NAMES.contains(name)) {
            throw DockerError.forbidden("operation is not permitted on predefined " + name + " network ");
        }
        String driver = isEmpty(spec.driver()) ? Network.BRIDGE_DRIVER : spec.driver();
        if (driver.equals("overlay")) {
            throw DockerError.forbidden(NOT_SWARM_MANAGER);
        }
        IpamValidation.validate(spec.ipamConfig(), spec.enableIpv6());
        if (name.isBlank()) {
            throw DockerError.invalidParameter("invalid name: " + name);
        }
        if (name.indexOf('\0') >= 0) {
            throw DockerError.invalidParameter("invalid name: a network name cannot contain a NUL character");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw DockerError.invalidParameter("invalid name: a network name is at most " + MAX_NAME_BYTES
                    + " bytes long");
        }
        if (networks.existsWithName(name)) {
            throw DockerError.conflict("network with name " + name + " already exists");
        }
        validateConfigurationRules(spec);
        NetworkSpec effective = spec;
        if (!isEmpty(spec.configFrom())) {
            effective = withConfigurationOf(spec);
        }
        String id = newId();
        if (effective.configOnly()) {
            return configurationOnly(id, effective, now);
        }
        checkDriver(driver);
        if (effective.ingress()) {
            throw DockerError.forbidden("Ingress network can only be global scope network");
        }
        String scope = isEmpty(effective.scope()) ? "local" : effective.scope();
        if (scope.equals("swarm")) {
            throw DockerError.forbidden("cannot create a swarm scoped network when swarm is not active");
        }
        if (!scope.equals("local")) {
            throw DockerError.forbidden(NOT_SWARM_MANAGER);
        }
        String ipamDriver = isEmpty(effective.ipamDriver()) ? "default" : effective.ipamDriver();
        if (!ipamDriver.equals("default")) {
            throw DockerError.notFound("plugin \"" + ipamDriver + "\" not found");
        }
        boolean enableIpv4 = effective.enableIpv4() == null || effective.enableIpv4();
        boolean enableIpv6 = effective.enableIpv6();
        if (!enableIpv4 && !enableIpv6) {
            throw DockerError.invalidParameter("IPv4 or IPv6 must be enabled");
        }
        List<IpamConfig> config = allocate(name, effective.ipamConfig(), enableIpv4, enableIpv6);
        BridgeOptions.validate(effective.options());
        Network network = new Network(id, name, driver, scope, now, effective.internal(), effective.attachable(),
                false, false, isEmpty(spec.configFrom()) ? "" : spec.configFrom(), enableIpv4, enableIpv6,
                new IpamSettings(ipamDriver, effective.ipamOptions(), config), effective.options(),
                effective.labels());
        checkBridgeNameConflict(network);
        return network;
    }

    private static void checkDriver(String driver) {
        if (driver.equals(Network.HOST_DRIVER) || driver.equals(Network.NULL_DRIVER)) {
            throw DockerError.forbidden("only one instance of \"" + driver + "\" network is allowed");
        }
        if (!driver.equals(Network.BRIDGE_DRIVER)) {
            throw DockerError.notFound("plugin \"" + driver + "\" not found");
        }
    }

    private static void validateConfigurationRules(NetworkSpec spec) {
        if (spec.configOnly() && (spec.ingress() || spec.internal() || spec.attachable() || !isEmpty(spec.scope()))) {
            throw DockerError.forbidden("configuration network can only contain network specific fields. Network "
                    + "operator fields like [ ingress | internal | attachable | scope ] are not supported.");
        }
        if (isEmpty(spec.configFrom())) {
            return;
        }
        if (spec.configOnly()) {
            throw DockerError.forbidden("a configuration network cannot depend on another configuration network");
        }
        boolean ownIpamDriver = !isEmpty(spec.ipamDriver()) && !spec.ipamDriver().equals("default");
        if (ownIpamDriver || spec.enableIpv6() || !spec.labels().isEmpty()
                || (spec.ipamOptions() != null && !spec.ipamOptions().isEmpty()) || !spec.ipamConfig().isEmpty()) {
            throw DockerError.forbidden(
                    "user specified configurations are not supported if the network depends on a configuration network");
        }
        if (!spec.options().isEmpty()) {
            throw DockerError.forbidden(
                    "network driver options are not supported if the network depends on a configuration network");
        }
    }

    /** Docker's {@code applyConfigurationTo}: IPv6, labels, IPAM and driver options come from the source. */
    private NetworkSpec withConfigurationOf(NetworkSpec spec) {
        Optional<Network> source = networks.findByName(spec.configFrom()).filter(Network::configOnly);
        if (source.isEmpty()) {
            throw DockerError.notFound("configuration network \"" + spec.configFrom() + "\" does not exist");
        }
        Network from = source.get();
        List<NetworkSpec.IpamRequest> requests = from.ipam().config().stream()
                .map(c -> new NetworkSpec.IpamRequest(c.subnet(), c.ipRange(), c.gatewayShown() ? c.gateway() : null,
                        c.auxiliaryAddresses()))
                .toList();
        return new NetworkSpec(spec.name(), spec.driver(), spec.scope(), spec.internal(), spec.attachable(),
                spec.ingress(), from.ipam().driver(), from.ipam().options(), requests, from.enableIpv4(),
                from.enableIpv6(), from.options(), from.labels(), false, spec.configFrom());
    }

    private static Network configurationOnly(String id, NetworkSpec spec, Instant now) {
        List<IpamConfig> config = new ArrayList<>();
        for (boolean ipv6 : new boolean[] {false, true}) {
            for (NetworkSpec.IpamRequest request : spec.ipamConfig()) {
                Cidr subnet = Cidr.parse(request.subnet());
                if (subnet.isIpv6() == ipv6) {
                    String gateway = isEmpty(request.gateway()) ? null : request.gateway();
                    config.add(new IpamConfig(request.subnet(), emptyToNull(request.ipRange()), gateway,
                            request.auxiliaryAddresses(), true, gateway != null));
                }
            }
        }
        String ipamDriver = isEmpty(spec.ipamDriver()) ? "default" : spec.ipamDriver();
        return new Network(id, spec.name(), Network.NULL_DRIVER, "local", now, false, false, false, true, "",
                spec.enableIpv4() == null || spec.enableIpv4(), spec.enableIpv6(),
                new IpamSettings(ipamDriver, spec.ipamOptions(), config), spec.options(), spec.labels());
    }

    /** Subnets (requested or from the default pools), overlap checks, gateways and auxiliary addresses. */
    private List<IpamConfig> allocate(String name, List<NetworkSpec.IpamRequest> requests, boolean enableIpv4,
                                      boolean enableIpv6) {
        List<Cidr> chosen = new ArrayList<>();
        List<IpamConfig> result = new ArrayList<>();
        for (boolean ipv6 : new boolean[] {false, true}) {
            boolean enabled = ipv6 ? enableIpv6 : enableIpv4;
            List<NetworkSpec.IpamRequest> family = requests.stream()
                    .filter(r -> Cidr.parse(r.subnet()).isIpv6() == ipv6).toList();
            if (!enabled) {
                for (NetworkSpec.IpamRequest request : family) {
                    result.add(new IpamConfig(request.subnet(), emptyToNull(request.ipRange()),
                            emptyToNull(request.gateway()), request.auxiliaryAddresses(), true,
                            !isEmpty(request.gateway())));
                }
                continue;
            }
            if (family.isEmpty()) {
                Cidr subnet = pools.firstFree(ipv6, candidate -> blockerOf(candidate, chosen));
                chosen.add(subnet);
                result.add(withGateway(name, subnet, null, new NetworkSpec.IpamRequest(subnet.toString(), null, null, null),
                        false));
                continue;
            }
            for (NetworkSpec.IpamRequest request : family) {
                Cidr subnet = Cidr.parse(request.subnet());
                if (blockerOf(subnet, chosen) != null) {
                    throw DockerError.forbidden(POOL_OVERLAPS);
                }
                chosen.add(subnet);
                Cidr range = isEmpty(request.ipRange()) ? null : Cidr.parse(request.ipRange());
                result.add(withGateway(name, subnet, range, request, true));
            }
        }
        return result;
    }

    /** A subnet in use, by a stored network or earlier in this request, that overlaps {@code candidate}; or null. */
    private Cidr blockerOf(Cidr candidate, List<Cidr> chosen) {
        Cidr blocker = networks.reservedOverlapping(candidate).orElse(null);
        for (Cidr mine : chosen) {
            if (mine.overlaps(candidate) && (blocker == null || mine.last().compareTo(blocker.last()) > 0)) {
                blocker = mine;
            }
        }
        return blocker;
    }

    /** Texts the user gave are kept as given (Docker shows them so); allocated addresses are canonical. */
    private static IpamConfig withGateway(String name, Cidr subnet, Cidr range, NetworkSpec.IpamRequest request,
                                          boolean userSubnet) {
        String requestedGateway = emptyToNull(request.gateway());
        AddressPool pool = new AddressPool(subnet, range);
        InetAddress gateway;
        if (requestedGateway != null) {
            gateway = IpAddresses.parseOrNull(requestedGateway);
            if (!pool.reserve(gateway)) {
                throw DockerError.system("failed to allocate gateway (" + requestedGateway + "): Address already in use");
            }
        } else {
            gateway = pool.candidate();
            if (gateway == null) {
                throw DockerError.system("failed to allocate gateway (): no available addresses on this pool");
            }
            pool.reserve(gateway);
        }
        Map<String, String> auxiliary = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(request.auxiliaryAddresses()).entrySet()) {
            InetAddress address = IpAddresses.parseOrNull(entry.getValue());
            if (address == null) {
                // an empty value passes Docker's IPAM.Config check; its IPAM then refuses it
                throw DockerError.invalidParameter("non parsable secondary ip address (" + entry.getKey() + ":"
                        + entry.getValue() + ") passed for network " + name);
            }
            if (!pool.reserve(address)) {
                throw DockerError.system("failed to allocate secondary ip address (" + entry.getKey() + ":"
                        + entry.getValue() + "): Address already in use");
            }
            auxiliary.put(entry.getKey(), entry.getValue());
        }
        boolean gatewayShown = !userSubnet || requestedGateway != null;
        String gatewayText = requestedGateway != null ? requestedGateway : IpAddresses.format(gateway);
        return new IpamConfig(request.subnet(), emptyToNull(request.ipRange()), gatewayText, auxiliary, userSubnet,
                gatewayShown);
    }

    void checkBridgeNameConflict(Network network) {
        String bridgeName = network.bridge().bridgeName();
        networks.findIdByBridgeName(bridgeName).ifPresent(other -> {
            throw DockerError.forbidden("cannot create network " + network.id() + " (" + bridgeName
                    + "): conflicts with network " + other + " (" + bridgeName + "): networks have same bridge name");
        });
    }

    static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    private static String emptyToNull(String text) {
        return isEmpty(text) ? null : text;
    }
}
