package io.netdock.robustness;

import io.netdock.ipam.AddressAllocator;
import io.netdock.ipam.Cidr;
import io.netdock.kernel.bridge.Names;
import io.netdock.net.IpAddresses;
import io.netdock.testing.ApiClient;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after any load, crash or hostile request: the database is consistent in itself (no address
 * handed out twice, no lease without its endpoint, no endpoint of a container that does not run, no port binding
 * without its running container and endpoint, no two networks on overlapping subnets or one bridge), the API (that
 * is, a netdock's in-memory indexes) shows exactly what the database holds, and the kernel holds exactly what the
 * database says should exist. Each check returns the violations it found, as readable lines.
 */
final class Invariants {

    private static final Pattern PORT_RULE = Pattern.compile("comment \"netdock port ([0-9a-f]+) (\\w+) (\\S+) (\\d+)\"");
    private static final Pattern NETWORK_RULE = Pattern.compile("comment \"netdock network ([0-9a-f]{64})\"");

    record ContainerRow(String id, String name, String status) {
    }

    record EndpointRow(String containerId, String networkId, String endpointId, String interfaceName, String ipv4,
                       String ipv6) {
    }

    record BindingRow(String hostIp, String protocol, int hostPort, String containerId, String portKey,
                      String endpointId, String containerIp) {
    }

    record LeaseRow(String networkId, String address, String ownerId) {
    }

    record NetworkRow(String id, String name, String driver, String bridgeName) {
    }

    /** The rows of every table that matters, read at one moment. */
    record Database(List<NetworkRow> networks, Map<String, List<String>> subnets, List<LeaseRow> leases,
                    List<ContainerRow> containers, List<EndpointRow> endpoints, List<BindingRow> bindings) {

        static Database read(DataSource source) {
            JdbcClient jdbc = JdbcClient.create(source);
            List<NetworkRow> networks = jdbc.sql("select id, name, driver, bridge_name from network")
                    .query((rs, i) -> new NetworkRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list();
            Map<String, List<String>> subnets = new HashMap<>();
            jdbc.sql("select network_id, reserved_subnet from network_ipam_config where reserved_subnet is not null")
                    .query(rs -> {
                        subnets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    });
            List<LeaseRow> leases = jdbc.sql("select network_id, address, owner_id from address_lease")
                    .query((rs, i) -> new LeaseRow(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            List<ContainerRow> containers = jdbc.sql("select id, name, status from container")
                    .query((rs, i) -> new ContainerRow(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            List<EndpointRow> endpoints = jdbc.sql("select container_id, network_id, endpoint_id, interface_name, "
                            + "ipv4_cidr, ipv6_cidr from endpoint")
                    .query((rs, i) -> new EndpointRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), address(rs.getString(5)), address(rs.getString(6)))).list();
            List<BindingRow> bindings = jdbc.sql("select host_ip, protocol, host_port, container_id, port_key, "
                            + "endpoint_id, container_ip from port_binding")
                    .query((rs, i) -> new BindingRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7))).list();
            return new Database(networks, subnets, leases, containers, endpoints, bindings);
        }

        private static String address(String cidr) {
            return cidr == null || cidr.isEmpty() ? "" : cidr.substring(0, cidr.indexOf('/'));
        }

        Map<String, ContainerRow> containersById() {
            return containers.stream().collect(Collectors.toMap(ContainerRow::id, c -> c));
        }

        Set<String> networkIds() {
            return networks.stream().map(NetworkRow::id).collect(Collectors.toSet());
        }
    }

    private Invariants() {
    }

    /**
     * Every check for a netdock that has the database to itself: the database, the API and the kernel agree, and
     * the allocator's cache of each network agrees with the leases.
     */
    static List<String> ofSoleProcess(ApiClient api, DataSource dataSource, AddressAllocator allocator) {
        Database db = Database.read(dataSource);
        List<String> violations = new ArrayList<>(database(db));
        violations.addAll(api(api, db, name -> true));
        violations.addAll(kernel(api, db, name -> true, true));
        db.networks().forEach(n -> violations.addAll(allocator.cacheDisagreements(n.id()).stream()
                .map(d -> "network " + n.name() + ": " + d).toList()));
        return violations;
    }

    /** The database against itself. */
    static List<String> database(Database db) {
        List<String> violations = new ArrayList<>();
        Map<String, ContainerRow> containers = db.containersById();
        Set<String> networks = db.networkIds();
        Set<String> leased = new HashSet<>();
        for (LeaseRow lease : db.leases()) {
            leased.add(lease.networkId() + " " + lease.address() + " " + lease.ownerId());
            boolean hasEndpoint = db.endpoints().stream().anyMatch(e -> e.networkId().equals(lease.networkId())
                    && e.containerId().equals(lease.ownerId())
                    && (e.ipv4().equals(lease.address()) || e.ipv6().equals(lease.address())));
            if (!hasEndpoint) {
                violations.add("lease without endpoint: " + lease);
            }
        }
        Map<String, String> addressHolders = new HashMap<>();
        for (EndpointRow endpoint : db.endpoints()) {
            ContainerRow container = containers.get(endpoint.containerId());
            if (container == null || !container.status().equals("running")) {
                violations.add("endpoint of a container that does not run (" + container + "): " + endpoint);
            }
            if (!networks.contains(endpoint.networkId())) {
                violations.add("endpoint on a network that does not exist: " + endpoint);
            }
            for (String address : new String[] {endpoint.ipv4(), endpoint.ipv6()}) {
                if (address.isEmpty()) {
                    continue;
                }
                String previous = addressHolders.put(endpoint.networkId() + " " + address, endpoint.endpointId());
                if (previous != null) {
                    violations.add("address " + address + " held twice in network " + endpoint.networkId() + ": "
                            + previous + " and " + endpoint.endpointId());
                }
                if (!leased.contains(endpoint.networkId() + " " + address + " " + endpoint.containerId())) {
                    violations.add("endpoint address without lease: " + endpoint);
                }
            }
        }
        Set<String> hostPorts = new HashSet<>();
        for (BindingRow binding : db.bindings()) {
            ContainerRow container = containers.get(binding.containerId());
            if (container == null || !container.status().equals("running")) {
                violations.add("port binding of a container that does not run (" + container + "): " + binding);
            }
            boolean endpointExists = db.endpoints().stream().anyMatch(e -> e.endpointId().equals(binding.endpointId())
                    && e.containerId().equals(binding.containerId()));
            if (!endpointExists) {
                violations.add("port binding without its endpoint: " + binding);
            }
            InetAddress host = IpAddresses.parseOrNull(binding.hostIp());
            String key = (host == null ? binding.hostIp() : IpAddresses.format(host)) + " " + binding.protocol() + " "
                    + binding.hostPort();
            if (!hostPorts.add(key)) {
                violations.add("host port bound twice: " + key);
            }
        }
        List<Map.Entry<String, Cidr>> subnets = new ArrayList<>();
        db.subnets().forEach((network, list) -> list.forEach(s -> subnets.add(Map.entry(network, Cidr.parse(s)))));
        for (int i = 0; i < subnets.size(); i++) {
            for (int j = i + 1; j < subnets.size(); j++) {
                if (subnets.get(i).getValue().overlaps(subnets.get(j).getValue())) {
                    violations.add("overlapping subnets: " + subnets.get(i) + " and " + subnets.get(j));
                }
            }
        }
        Set<String> bridges = new HashSet<>();
        for (NetworkRow network : db.networks()) {
            if (network.bridgeName() != null && !bridges.add(network.bridgeName())) {
                violations.add("bridge name used twice: " + network.bridgeName());
            }
        }
        return violations;
    }

    /**
     * One netdock's API (its in-memory view) against the database, for the containers it manages ({@code owned}):
     * the container list, each container's endpoints and published ports, each network's containers.
     */
    static List<String> api(ApiClient api, Database db, Predicate<String> ownedName) {
        List<String> violations = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (JsonNode item : api.get("/containers/json?all=1").json()) {
            String name = item.path("Names").get(0).asString().substring(1);
            if (ownedName.test(name)) {
                listed.add(item.path("Id").asString() + " " + name + " " + item.path("State").asString());
            }
        }
        Set<String> stored = db.containers().stream().filter(c -> ownedName.test(c.name()))
                .map(c -> c.id() + " " + c.name() + " " + c.status()).collect(Collectors.toCollection(TreeSet::new));
        if (!listed.equals(stored)) {
            violations.add("container list " + difference(listed, stored) + " differs from the database "
                    + difference(stored, listed));
        }
        Map<String, ContainerRow> containers = db.containersById();
        for (ContainerRow container : db.containers()) {
            if (!ownedName.test(container.name())) {
                continue;
            }
            ApiClient.Reply reply = api.get("/containers/" + container.id() + "/json");
            if (reply.status() != 200) {
                violations.add("inspect " + container.name() + " answered " + reply);
                continue;
            }
            JsonNode settings = reply.json().path("NetworkSettings");
            Set<String> shown = new TreeSet<>();
            for (Map.Entry<String, JsonNode> network : settings.path("Networks").properties()) {
                String endpointId = network.getValue().path("EndpointID").asString();
                if (!endpointId.isEmpty()) {
                    shown.add(network.getValue().path("NetworkID").asString() + " " + endpointId + " "
                            + network.getValue().path("IPAddress").asString());
                }
            }
            Set<String> rows = db.endpoints().stream().filter(e -> e.containerId().equals(container.id()))
                    .map(e -> e.networkId() + " " + e.endpointId() + " " + e.ipv4())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!shown.equals(rows)) {
                violations.add(container.name() + " shows endpoints " + shown + ", the database has " + rows);
            }
            Set<String> ports = new TreeSet<>();
            for (Map.Entry<String, JsonNode> port : settings.path("Ports").properties()) {
                for (JsonNode binding : port.getValue()) {
                    ports.add(port.getKey() + " " + binding.path("HostIp").asString() + " "
                            + binding.path("HostPort").asString());
                }
            }
            Set<String> boundRows = db.bindings().stream().filter(b -> b.containerId().equals(container.id()))
                    .map(b -> b.portKey() + " " + b.hostIp() + " " + b.hostPort())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!ports.equals(boundRows)) {
                violations.add(container.name() + " shows ports " + ports + ", the database has " + boundRows);
            }
        }
        for (NetworkRow network : db.networks()) {
            ApiClient.Reply reply = api.get("/networks/" + network.id());
            if (reply.status() != 200) {
                violations.add("inspect network " + network.name() + " answered " + reply);
                continue;
            }
            Set<String> shown = new TreeSet<>();
            for (Map.Entry<String, JsonNode> entry : reply.json().path("Containers").properties()) {
                shown.add(entry.getKey() + " " + entry.getValue().path("EndpointID").asString());
            }
            Set<String> rows = db.endpoints().stream().filter(e -> e.networkId().equals(network.id()))
                    .filter(e -> containers.containsKey(e.containerId())
                            && ownedName.test(containers.get(e.containerId()).name()))
                    .map(e -> e.containerId() + " " + e.endpointId()).collect(Collectors.toCollection(TreeSet::new));
            if (!shown.equals(rows)) {
                violations.add("network " + network.name() + " shows " + shown + ", the database has " + rows);
            }
        }
        return violations;
    }

    /**
     * One netdock's kernel ({@code GET /netdock/kernel}) against the database: a namespace per running container
     * with a sandbox of its own, a veth per endpoint, a DNAT rule per port binding that gets one, no rules of
     * networks that no longer exist and a bridge per bridge network and no other. With {@code soleProcess} false (other
     * netdocks share the database) only the first three: a process sets up the bridges of networks others created
     * when it first uses them, and keeps those others removed until it restarts.
     */
    static List<String> kernel(ApiClient api, Database db, Predicate<String> ownedName, boolean soleProcess) {
        List<String> violations = new ArrayList<>();
        JsonNode view = api.get("/netdock/kernel").json();
        Set<String> namespaces = new TreeSet<>();
        Set<String> veths = new TreeSet<>();
        Set<String> bridges = new TreeSet<>();
        for (JsonNode namespace : view.path("Namespaces")) {
            String name = namespace.path("Name").asString();
            if (!name.equals("host")) {
                namespaces.add(name);
                continue;
            }
            for (JsonNode link : namespace.path("Links")) {
                String kind = link.path("Kind").asString();
                if (kind.equals("veth")) {
                    veths.add(link.path("Name").asString());
                } else if (kind.equals("bridge")) {
                    bridges.add(link.path("Name").asString());
                }
            }
        }
        Map<String, ContainerRow> containers = db.containersById();
        Set<String> owned = containers.values().stream().filter(c -> ownedName.test(c.name())).map(ContainerRow::id)
                .collect(Collectors.toSet());
        Set<String> wantedSandboxes = new TreeSet<>();
        for (ContainerRow container : db.containers()) {
            if (owned.contains(container.id()) && container.status().equals("running")) {
                JsonNode inspect = api.get("/containers/" + container.id() + "/json").json();
                String sandbox = inspect.path("NetworkSettings").path("SandboxID").asString();
                String mode = inspect.path("HostConfig").path("NetworkMode").asString();
                if (!sandbox.isEmpty() && !mode.equals("host") && !mode.startsWith("container:")) {
                    wantedSandboxes.add(sandbox.substring(0, 12));
                }
            }
        }
        if (!namespaces.equals(wantedSandboxes)) {
            violations.add("kernel namespaces " + difference(namespaces, wantedSandboxes) + " where the database has "
                    + difference(wantedSandboxes, namespaces));
        }
        Set<String> wantedVeths = db.endpoints().stream()
                .filter(e -> owned.contains(e.containerId()) && !e.interfaceName().isEmpty())
                .map(e -> Names.veth(e.endpointId())).collect(Collectors.toCollection(TreeSet::new));
        if (!veths.equals(wantedVeths)) {
            violations.add("kernel veths " + difference(veths, wantedVeths) + " where the database has "
                    + difference(wantedVeths, veths));
        }
        if (soleProcess) {
            Set<String> wantedBridges = db.networks().stream().filter(n -> n.bridgeName() != null)
                    .map(NetworkRow::bridgeName).collect(Collectors.toCollection(TreeSet::new));
            if (!bridges.equals(wantedBridges)) {
                violations.add("kernel bridges " + difference(bridges, wantedBridges) + " where the database has "
                        + difference(wantedBridges, bridges));
            }
        }
        String ruleset = view.path("Ruleset").asString();
        Set<String> rules = new TreeSet<>();
        Matcher port = PORT_RULE.matcher(ruleset);
        while (port.find()) {
            rules.add(port.group(1) + " " + port.group(2) + " " + port.group(3) + " " + port.group(4));
        }
        Set<String> wantedRules = db.bindings().stream().filter(b -> owned.contains(b.containerId()))
                .filter(Invariants::getsRule)
                .map(b -> b.endpointId() + " " + b.protocol() + " " + b.hostIp() + " " + b.hostPort())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!rules.equals(wantedRules)) {
            violations.add("published-port rules " + difference(rules, wantedRules) + " where the database has "
                    + difference(wantedRules, rules));
        }
        Matcher network = NETWORK_RULE.matcher(ruleset);
        Set<String> networks = db.networkIds();
        while (soleProcess && network.find()) {
            if (!networks.contains(network.group(1))) {
                violations.add("rules of a removed network " + network.group(1));
            }
        }
        return violations;
    }

    /** An any-address binding of the other family (e.g. {@code ::} to an IPv4-only container) has no rule. */
    private static boolean getsRule(BindingRow binding) {
        InetAddress host = IpAddresses.parseOrNull(binding.hostIp());
        InetAddress container = IpAddresses.parseOrNull(binding.containerIp());
        return host != null && container != null
                && (!host.isAnyLocalAddress() || IpAddresses.isIpv6(host) == IpAddresses.isIpv6(container));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> only = new TreeSet<>(a);
        only.removeAll(b);
        return only;
    }
}
