package io.netdock.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names of every running container on a user-defined network, indexed so that one query costs a few hash
 * lookups whatever the number of containers: by container, by (network, lower-case name), by lower-case name
 * across networks (the host view), and by address (PTR). One writer at a time replaces a container's entry as a
 * whole; readers never lock and see immutable lists.
 */
public final class NameIndex {

    private final Map<String, DnsContainer> containers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<DnsEndpoint>>> byNetwork = new ConcurrentHashMap<>();
    private final Map<String, List<DnsEndpoint>> byName = new ConcurrentHashMap<>();
    private final Map<InetAddress, List<DnsEndpoint>> byAddress = new ConcurrentHashMap<>();
    /** Raised after every change, once the maps show it: what was resolved under an older one may be stale. */
    private volatile long version;

    /** Puts or replaces a container's entry. */
    public synchronized void put(DnsContainer container) {
        DnsContainer previous = containers.put(container.id(), container);
        if (previous != null) {
            unindex(previous);
        }
        for (DnsEndpoint endpoint : container.endpoints()) {
            Map<String, List<DnsEndpoint>> network =
                    byNetwork.computeIfAbsent(endpoint.networkId(), id -> new ConcurrentHashMap<>());
            for (String name : lowerCaseNames(endpoint)) {
                network.compute(name, (key, list) -> with(list, endpoint));
                byName.compute(name, (key, list) -> with(list, endpoint));
            }
            for (InetAddress address : addresses(endpoint)) {
                byAddress.compute(address, (key, list) -> with(list, endpoint));
            }
        }
        version++;
    }

    /** Forgets a container (stopped, removed, or no longer on any user-defined network). */
    public synchronized void remove(String containerId) {
        DnsContainer gone = containers.remove(containerId);
        if (gone != null) {
            unindex(gone);
            version++;
        }
    }

    /** Changes with every {@link #put} and {@link #remove} that changed something. */
    public long version() {
        return version;
    }

    public Optional<DnsContainer> container(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    public int size() {
        return containers.size();
    }

    /** The endpoints known as {@code lowerCaseName} on one network, in the order they were indexed. */
    public List<DnsEndpoint> onNetwork(String networkId, String lowerCaseName) {
        Map<String, List<DnsEndpoint>> network = byNetwork.get(networkId);
        if (network == null) {
            return List.of();
        }
        List<DnsEndpoint> found = network.get(lowerCaseName);
        return found == null ? List.of() : found;
    }

    /** The endpoints known as {@code lowerCaseName} on any network. */
    public List<DnsEndpoint> anywhere(String lowerCaseName) {
        List<DnsEndpoint> found = byName.get(lowerCaseName);
        return found == null ? List.of() : found;
    }

    /** The endpoints holding an address, on any network. */
    public List<DnsEndpoint> withAddress(InetAddress address) {
        List<DnsEndpoint> found = byAddress.get(address);
        return found == null ? List.of() : found;
    }

    private void unindex(DnsContainer container) {
        for (DnsEndpoint endpoint : container.endpoints()) {
            Map<String, List<DnsEndpoint>> network = byNetwork.get(endpoint.networkId());
            for (String name : lowerCaseNames(endpoint)) {
                if (network != null) {
                    network.computeIfPresent(name, (key, list) -> without(list, endpoint));
                }
                byName.computeIfPresent(name, (key, list) -> without(list, endpoint));
            }
            if (network != null && network.isEmpty()) {
                byNetwork.remove(endpoint.networkId(), network);
            }
            for (InetAddress address : addresses(endpoint)) {
                byAddress.computeIfPresent(address, (key, list) -> without(list, endpoint));
            }
        }
    }

    /** Docker's names deduplicated after folding case (a name differing only in case is the same DNS name). */
    private static List<String> lowerCaseNames(DnsEndpoint endpoint) {
        List<String> names = new ArrayList<>(endpoint.names().size());
        for (String name : endpoint.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!names.contains(lower)) {
                names.add(lower);
            }
        }
        return names;
    }

    private static List<InetAddress> addresses(DnsEndpoint endpoint) {
        List<InetAddress> addresses = new ArrayList<>(2);
        if (endpoint.ipv4() != null) {
            addresses.add(endpoint.ipv4());
        }
        if (endpoint.ipv6() != null) {
            addresses.add(endpoint.ipv6());
        }
        return addresses;
    }

    private static List<DnsEndpoint> with(List<DnsEndpoint> list, DnsEndpoint endpoint) {
        if (list == null) {
            return List.of(endpoint);
        }
        List<DnsEndpoint> more = new ArrayList<>(list.size() + 1);
        more.addAll(list);
        more.add(endpoint);
        return List.copyOf(more);
    }

    private static List<DnsEndpoint> without(List<DnsEndpoint> list, DnsEndpoint endpoint) {
        List<DnsEndpoint> fewer = new ArrayList<>(list);
        fewer.removeIf(e -> e == endpoint);
        return fewer.isEmpty() ? null : List.copyOf(fewer);
    }
}
