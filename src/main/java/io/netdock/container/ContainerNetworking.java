package io.netdock.container;

import io.netdock.endpoint.Attachee;
import io.netdock.endpoint.Endpoint;
import io.netdock.endpoint.EndpointCreationFailed;
import io.netdock.endpoint.EndpointConfig;
import io.netdock.endpoint.EndpointService;
import io.netdock.error.DockerError;
import io.netdock.kernel.Attachment;
import io.netdock.kernel.DesiredState;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.Plumbing;
import io.netdock.kernel.PortForward;
import io.netdock.network.Network;
import io.netdock.network.NetworkService;
import io.netdock.portmap.PortBinding;
import io.netdock.portmap.PortMapper;
import io.netdock.rollback.Rollback;
import io.netdock.server.NetdockProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A container's networking while it runs: the sandbox, one endpoint per network, the published ports, and
 * the legacy links. Runs inside the caller's transaction under its locks; a failure undoes the kernel
 * steps already made and lets the caller roll the database back.
 */
@Component
class ContainerNetworking {

    private final NetworkService networks;
    private final EndpointService endpoints;
    private final PortMapper ports;
    private final PortPlan portPlan;
    private final Plumbing plumbing;
    private final String hostSandboxKey;
    private final ApplicationEventPublisher events;
    /**
     * The sandboxes this process made in its own kernel (at start, at a container's start, or when it connected a
     * container another netdock started): the ones whose kernel objects it takes away when another netdock sharing the
     * database stops, removes or disconnects their container ({@link #followChangeElsewhere}).
     */
    private final Set<String> sandboxesHere = ConcurrentHashMap.newKeySet();

    ContainerNetworking(NetworkService networks, EndpointService endpoints, PortMapper ports, PortPlan portPlan,
                        Plumbing plumbing, NetdockProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        this.networks = networks;
        this.endpoints = endpoints;
        this.ports = ports;
        this.portPlan = portPlan;
        this.plumbing = plumbing;
        this.hostSandboxKey = properties.stateDirectory().resolve("netns").resolve("default").toString();
    }

    /**
     * The {@code NetworkSettings.Networks} a new container starts with: its mode's network, then the others. The
     * container-wide {@code Config.MacAddress} (API ≤ 1.51) goes to the primary endpoint, as Docker 25+ migrates it.
     */
    Map<String, EndpointConfig> initialNetworks(HostSettings host, Map<String, EndpointConfig> requested,
                                                String containerMac) {
        NetworkMode mode = host.mode();
        Map<String, EndpointConfig> result = new LinkedHashMap<>();
        if (mode.isContainer()) {
            return result;
        }
        String primary = mode.networkName();
        EndpointConfig config = requested.get(primary);
        if (config == null && mode.kind() == NetworkMode.Kind.BRIDGE) {
            config = requested.get("default");
        }
        config = config == null ? EndpointConfig.NONE : config;
        if (containerMac != null && config.macAddress() == null) {
            config = new EndpointConfig(config.ipv4Address(), config.ipv6Address(), config.linkLocalIps(),
                    config.links(), config.aliases(), containerMac, config.driverOpts(), config.gwPriority());
        }
        result.put(primary, config);
        requested.forEach((name, settings) -> {
            if (!name.equals(primary) && !(mode.kind() == NetworkMode.Kind.BRIDGE && name.equals("default"))) {
                result.put(name, settings);
            }
        });
        result.forEach((name, settings) -> {
            if (needsNetworkToValidate(settings)) {
                networks.find(name).ifPresent(n -> endpoints.validate(n, settings));
            }
        });
        return result;
    }

    /** Settings without addresses, aliases or MAC pass every network's checks: no lookup needed. */
    private static boolean needsNetworkToValidate(EndpointConfig settings) {
        return settings.hasIpamConfig() || settings.macAddress() != null
                || (settings.aliases() != null && !settings.aliases().isEmpty());
    }

    /** {@code HostConfig.Links} on the default bridge: {@code name:alias} or {@code name}, targets must exist. */
    List<Link> resolveLinks(HostSettings host, Function<String, Container> lookup) {
        if (host.links() == null || host.links().isEmpty() || host.mode().kind() != NetworkMode.Kind.BRIDGE) {
            return List.of();
        }
        List<Link> links = new ArrayList<>();
        for (String raw : host.links()) {
            int colon = raw.indexOf(':');
            String name = colon < 0 ? raw : raw.substring(0, colon);
            String alias = colon < 0 ? name : raw.substring(colon + 1);
            name = name.startsWith("/") ? name.substring(1) : name;
            alias = alias.startsWith("/") ? alias.substring(alias.lastIndexOf('/') + 1) : alias;
            Container target;
            try {
                target = lookup.apply(name);
            } catch (ContainerNotFound missing) {
                throw DockerError.invalidParameter("could not get container for " + name + ": " + missing.getMessage());
            }
            links.add(new Link(target.id(), alias));
        }
        return links;
    }

    /** Creates the sandbox, the endpoints and the port forwards of a container that is starting. */
    Container up(Container container, Function<String, Container> lookup) {
        NetworkMode mode = container.mode();
        if (mode.isContainer()) {
            Container other = lookup.apply(mode.value());
            if (!other.isRunning()) {
                throw DockerError.conflict("cannot join network of a non running container: " + other.id());
            }
            return container.withConfig(container.config().withHostname(other.config().hostname()))
                    .withSandbox("", "");
        }
        checkLinkTargets(container, lookup);
        String sandboxId = EndpointIds.next();
        Rollback rollback = new Rollback("start container " + container.name());
        String sandboxKey;
        if (mode.isHost()) {
            sandboxKey = hostSandboxKey;
        } else {
            try {
                sandboxKey = plumbing.createSandbox(sandboxId).key();
            } catch (KernelException kernel) {
                throw new ContainerNetworkingFailed(kernel.getMessage());
            }
            sandboxesHere.add(sandboxId);
            rollback.onFailure("sandbox " + sandboxId, () -> {
                sandboxesHere.remove(sandboxId);
                plumbing.removeSandbox(sandboxId);
            });
        }
        List<Endpoint> attached = new ArrayList<>();
        try {
            Map<String, Network> resolved = resolveNetworks(container);
            resolved.values().forEach(networks::ensureRealised);
            String gatewayNetwork = gatewayNetwork(container, resolved);
            Map<String, EndpointConfig> rekeyed = new LinkedHashMap<>();
            int index = 0;
            long order = System.nanoTime();
            for (Map.Entry<String, EndpointConfig> entry : container.networks().entrySet()) {
                Network network = resolved.get(entry.getKey());
                Attachee who = new Attachee(container.id(), container.name(), sandboxId, "eth" + index);
                Endpoint endpoint;
                try {
                    endpoint = endpoints.attach(who, network, entry.getValue(), network.id().equals(gatewayNetwork),
                            order + index);
                } catch (EndpointCreationFailed kernelRefused) {
                    throw new ContainerNetworkingFailed(kernelRefused.getMessage());
                }
                // the transaction's rollback restores the records; this takes the kernel objects away
                rollback.onFailure("endpoint " + endpoint.endpointId() + " on " + network.name(),
                        () -> endpoints.detach(endpoint, networks.find(endpoint.networkId()).orElse(null), sandboxId));
                attached.add(endpoint);
                if (network.isBridge()) {
                    index++;
                }
                rekeyed.put(network.name(), entry.getValue());
            }
            Container running = container.withNetworks(rekeyed).withSandbox(sandboxId, sandboxKey);
            publishPorts(running, attached);
            tellResolver(running, attached);
            return running;
        } catch (RuntimeException failed) {
            rollback.unwind(failed);
            throw failed;
        }
    }

    /**
     * dockerd checks, while it joins the parent to the default bridge, that each target is on that network too
     * (500, the container stays created), and later, while it builds the link environment, that it runs.
     */
    private void checkLinkTargets(Container container, Function<String, Container> lookup) {
        boolean onDefaultBridge = container.networks().containsKey(Network.DEFAULT_BRIDGE);
        for (Link link : container.links()) {
            Container target = lookup.apply(link.targetId());
            if (onDefaultBridge && !target.networks().containsKey(Network.DEFAULT_BRIDGE)) {
                throw DockerError.system("Cannot link to /" + target.name()
                        + ", as it does not belong to the default network");
            }
        }
        for (Link link : container.links()) {
            Container target = lookup.apply(link.targetId());
            if (!target.isRunning()) {
                throw DockerError.system("Cannot link to a non running container: /" + target.name() + " AS /"
                        + container.name() + "/" + link.alias());
            }
        }
    }

    private Map<String, Network> resolveNetworks(Container container) {
        Map<String, Network> resolved = new LinkedHashMap<>();
        for (String key : container.networks().keySet()) {
            resolved.put(key, networks.get(key));
        }
        return resolved;
    }

    /** The network whose endpoint gets the default route: highest {@code GwPriority}, then attachment order. */
    private static String gatewayNetwork(Container container, Map<String, Network> resolved) {
        String best = null;
        int bestPriority = Integer.MIN_VALUE;
        for (Map.Entry<String, EndpointConfig> entry : container.networks().entrySet()) {
            Network network = resolved.get(entry.getKey());
            if (!network.isBridge() || network.internal()) {
                continue;
            }
            if (entry.getValue().gwPriority() > bestPriority) {
                bestPriority = entry.getValue().gwPriority();
                best = network.id();
            }
        }
        return best;
    }

    private void publishPorts(Container container, List<Endpoint> attached) {
        Optional<Endpoint> primary = attached.stream().filter(Endpoint::defaultRoute).findFirst()
                .or(() -> attached.stream().filter(e -> e.ipv4() != null).findFirst());
        if (primary.isEmpty() || container.mode().isHost() || container.mode().isNone()) {
            return;
        }
        Endpoint endpoint = primary.get();
        var requests = portPlan.requests(container);
        if (requests.isEmpty()) {
            return;
        }
        Network network = networks.get(endpoint.networkId());
        ports.publish(container.id(), container.name() + " (" + endpoint.endpointId() + ")", endpoint.endpointId(),
                network.bridge().bridgeName(), endpoint.ipv4Address(), endpoint.ipv6Address(), requests);
    }

    /** Tears down what {@link #up} made; returns the endpoints removed (for the disconnect events). */
    List<Endpoint> down(Container container) {
        List<Endpoint> mine = endpoints.ofContainer(container.id());
        ports.unpublish(container.id());
        for (int i = mine.size() - 1; i >= 0; i--) {
            Endpoint endpoint = mine.get(i);
            endpoints.detach(endpoint, networks.find(endpoint.networkId()).orElse(null), container.sandboxId());
        }
        if (!container.mode().sharesNamespace() && !container.sandboxId().isEmpty()) {
            plumbing.removeSandbox(container.sandboxId());
            sandboxesHere.remove(container.sandboxId());
        }
        tellResolver(container, List.of());
        return mine;
    }

    /** What a container's networking was before another netdock changed it: its endpoints and port forwards. */
    record Realised(Container container, List<Endpoint> endpoints, List<PortForward> forwards) {
    }

    /** Remembers what this process knows of a container's networking, before another netdock's change is applied. */
    Optional<Realised> realised(Optional<Container> container) {
        return container.map(known -> new Realised(known, endpoints.ofContainer(known.id()),
                ports.forwardsOf(known.id())));
    }

    /**
     * Another netdock sharing the database changed a container this process realised in its own kernel: what the
     * database no longer holds goes from this kernel too — the whole sandbox (veths, port forwards, DNS rules) once
     * the container stopped, restarted elsewhere or went, else the endpoints and forwards it lost (a disconnect). The
     * rows are the other netdock's business (already committed); kernel steps are best effort and idempotent, and
     * whatever fails here goes at this process's next start (reconcile).
     */
    void followChangeElsewhere(Realised before, Optional<Container> after) {
        Container was = before.container();
        String sandbox = was.sandboxId();
        if (!was.isRunning() || sandbox.isEmpty() || !sandboxesHere.contains(sandbox)) {
            return;
        }
        boolean stillHere = after.isPresent() && after.get().isRunning() && sandbox.equals(after.get().sandboxId());
        List<Endpoint> now = stillHere ? endpoints.ofContainer(was.id()) : List.of();
        List<PortForward> forwardsNow = stillHere ? ports.forwardsOf(was.id()) : List.of();
        List<PortForward> goneForwards = before.forwards().stream().filter(f -> !forwardsNow.contains(f)).toList();
        List<Endpoint> goneEndpoints = before.endpoints().stream()
                .filter(e -> now.stream().noneMatch(n -> n.endpointId().equals(e.endpointId()))).toList();
        bestEffort(was, "remove port forwards", () -> {
            if (!goneForwards.isEmpty()) {
                plumbing.unpublish(goneForwards);
            }
        });
        for (Endpoint endpoint : goneEndpoints) {
            bestEffort(was, "detach endpoint " + endpoint.endpointId(), () -> endpoints
                    .attachmentOf(endpoint, networks.find(endpoint.networkId()).orElse(null), sandbox)
                    .ifPresent(plumbing::detach));
        }
        if (stillHere) {
            if (!goneEndpoints.isEmpty()) {
                tellResolver(after.get(), now);
            }
            return;
        }
        tellResolver(was, List.of());
        if (!was.mode().sharesNamespace()) {
            bestEffort(was, "remove sandbox " + sandbox, () -> plumbing.removeSandbox(sandbox));
        }
        sandboxesHere.remove(sandbox);
    }

    private static void bestEffort(Container container, String step, Runnable kernelStep) {
        try {
            kernelStep.run();
        } catch (RuntimeException failed) {
            LoggerFactory.getLogger(ContainerNetworking.class).warn("container {} changed through another netdock: "
                    + "could not {} in this kernel (it goes at the next start): {}", container.name(), step,
                    failed.getMessage());
        }
    }

    /** The container's own addresses as its hosts file lists them: per endpoint, IPv4 then IPv6. */
    List<String> addressesOf(Container container) {
        List<String> addresses = new ArrayList<>();
        for (Endpoint endpoint : endpoints.ofContainer(container.id())) {
            if (endpoint.ipv4() != null) {
                addresses.add(endpoint.ipv4Address());
            }
            if (endpoint.ipv6() != null) {
                addresses.add(endpoint.ipv6Address());
            }
        }
        return addresses;
    }

    void announce(String action, List<Endpoint> changed) {
        for (Endpoint endpoint : changed) {
            String driver = networks.find(endpoint.networkId()).map(Network::driver).orElse("bridge");
            endpoints.announce(action, endpoint.networkId(), endpoint.networkName(), driver, endpoint.containerId());
        }
    }

    List<Endpoint> endpointsOf(Container container) {
        return endpoints.ofContainer(container.id());
    }

    List<PortBinding> portsOf(Container container) {
        return ports.ofContainer(container.id());
    }

    /** Re-reads endpoints and port bindings after a rolled-back transaction. */
    void reload(String containerId) {
        endpoints.reload(containerId);
        ports.reload(containerId);
    }

    /** Re-reads every endpoint and port binding. */
    void reloadAll() {
        endpoints.reloadAll();
        ports.reloadAll();
    }

    /** Every network, for resolving many containers' keys at once. */
    NetworkIndex networkIndex() {
        return new NetworkIndex(networks.list(io.netdock.filters.Filters.none()));
    }

    Network network(String idOrName) {
        return networks.get(idOrName);
    }

    Optional<Network> findNetwork(String idOrName) {
        try {
            return networks.find(idOrName);
        } catch (DockerError notFoundOrAmbiguous) {
            return Optional.empty();
        }
    }

    /**
     * What the kernel must hold for running containers: their sandboxes (not for host or {@code container:}
     * mode), endpoint veths and port forwards, plus every bridge network, for {@code Plumbing.reconcile}.
     */
    DesiredState desiredState(List<Container> running) {
        NetworkIndex index = networkIndex();
        List<String> sandboxes = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        List<PortForward> forwards = new ArrayList<>();
        for (Container container : running) {
            if (container.mode().sharesNamespace() || container.sandboxId().isEmpty()) {
                continue;
            }
            sandboxes.add(container.sandboxId());
            sandboxesHere.add(container.sandboxId());
            for (Endpoint endpoint : endpoints.ofContainer(container.id())) {
                endpoints.attachmentOf(endpoint, index.find(endpoint.networkId()).orElse(null), container.sandboxId())
                        .ifPresent(attachments::add);
            }
            forwards.addAll(ports.forwardsOf(container.id()));
        }
        List<String> resolvers = resolvers(running).stream().map(EmbeddedResolverChanged::sandboxId).toList();
        return new DesiredState(networks.bridgeNetworks(), sandboxes, attachments, forwards, resolvers);
    }

    /** Attaches a running container to one more network. */
    Endpoint connect(Container container, Network network, EndpointConfig config) {
        List<Endpoint> current = endpoints.ofContainer(container.id());
        // after the highest interface in use (eth0 and eth1, eth0 disconnected: eth2, never a second eth1)
        int index = current.stream().map(Endpoint::interfaceName).filter(name -> name.matches("eth\\d+"))
                .mapToInt(name -> Integer.parseInt(name.substring(3)) + 1).max().orElse(0);
        boolean hasGateway = current.stream().anyMatch(Endpoint::defaultRoute);
        Attachee who = new Attachee(container.id(), container.name(), container.sandboxId(), "eth" + index);
        networks.ensureRealised(network);
        if (!container.mode().sharesNamespace() && !container.sandboxId().isEmpty()) {
            // started through another netdock sharing the database, its namespace is in that one's kernel: this
            // kernel gets it too (idempotent: an existing one is kept)
            try {
                plumbing.createSandbox(container.sandboxId());
            } catch (KernelException kernel) {
                throw new ContainerNetworkingFailed(kernel.getMessage());
            }
            sandboxesHere.add(container.sandboxId());
        }
        Endpoint attached = endpoints.attach(who, network, config, !hasGateway && !network.internal(),
                System.nanoTime());
        List<Endpoint> now = new ArrayList<>(current);
        now.add(attached);
        tellResolver(container, now);
        return attached;
    }

    /** Detaches a running container from one network; returns the endpoint removed, if it had one. */
    Optional<Endpoint> disconnect(Container container, Network network) {
        Optional<Endpoint> endpoint = endpoints.ofContainer(container.id()).stream()
                .filter(e -> e.networkId().equals(network.id())).findFirst();
        endpoint.ifPresent(e -> {
            if (ports.ofContainer(container.id()).stream().anyMatch(b -> b.endpointId().equals(e.endpointId()))) {
                ports.unpublish(container.id());
            }
            endpoints.detach(e, network, container.sandboxId());
            if (sandboxesHere.contains(container.sandboxId())) { // else its resolver runs in another netdock
                tellResolver(container, endpoints.ofContainer(container.id()).stream()
                        .filter(other -> !other.endpointId().equals(e.endpointId())).toList());
            }
        });
        return endpoint;
    }

    /**
     * Tells whether the container's sandbox must now have an embedded DNS resolver: it owns its sandbox and has an
     * endpoint on a user-defined network ({@link EmbeddedResolverChanged}).
     *
     * @param current the container's endpoints after the change (none once it stops)
     */
    private void tellResolver(Container container, List<Endpoint> current) {
        if (container.mode().sharesNamespace() || container.mode().isHost() || container.sandboxId().isEmpty()) {
            return;
        }
        events.publishEvent(new EmbeddedResolverChanged(container.id(), container.sandboxId(),
                hasEmbeddedResolver(current)));
    }

    private boolean hasEmbeddedResolver(List<Endpoint> current) {
        return current.stream().anyMatch(endpoint -> networks.find(endpoint.networkId())
                .map(Network::hasEmbeddedResolver).orElse(false));
    }

    /** The resolvers running containers must have, for {@link ContainerStartup} to tell once the kernel is ready. */
    List<EmbeddedResolverChanged> resolvers(List<Container> running) {
        List<EmbeddedResolverChanged> wanted = new ArrayList<>();
        for (Container container : running) {
            if (!container.mode().sharesNamespace() && !container.mode().isHost() && !container.sandboxId().isEmpty()
                    && hasEmbeddedResolver(endpoints.ofContainer(container.id()))) {
                wanted.add(new EmbeddedResolverChanged(container.id(), container.sandboxId(), true));
            }
        }
        return wanted;
    }
}
