package io.netdock.robustness;

import io.netdock.testing.ApiClient;
import io.netdock.testing.ApiClient.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Many clients, each running a random mix of what Docker clients do, against one or more netdock processes: create
 * and delete networks (default pools and user subnets that may overlap), create, start, stop, restart, kill and
 * remove containers (with and without static addresses and published ports, some on host ports other clients want
 * too), connect and disconnect them with and without static addresses, poke at other clients' networks, read lists.
 * Each client works sequentially on its own names ({@code c<N>-…}) and keeps a model of what the server has
 * acknowledged; every answer is counted by kind (status and message with names, IDs and numbers blanked).
 */
final class MixedLoad {

    static final int SHARED_NETWORKS = 4;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{12,64}");
    private static final Pattern NAMES = Pattern.compile("\\bc\\d+-[nk]\\d+\\b");
    private static final Pattern ADDRESSES = Pattern.compile("\\b\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?\\b");
    private static final Pattern NUMBERS = Pattern.compile("\\b\\d+\\b");

    static String sharedNetwork(int k) {
        return "load-shared-" + k;
    }

    static String sharedSubnet(int k) {
        return "10.77." + k + ".0/24";
    }

    /** The shared networks every client attaches to (with user subnets, so static addresses are allowed). */
    static void createSharedNetworks(ApiClient api) {
        for (int k = 0; k < SHARED_NETWORKS; k++) {
            Reply reply = api.post("/networks/create", "{\"Name\":\"" + sharedNetwork(k) + "\",\"IPAM\":{\"Config\":"
                    + "[{\"Subnet\":\"" + sharedSubnet(k) + "\"}]}}");
            if (reply.status() != 201) {
                throw new AssertionError("creating " + sharedNetwork(k) + ": " + reply);
            }
        }
    }

    /** What the server acknowledged about one client's resources. */
    static final class Model {
        final Set<String> networks = ConcurrentHashMap.newKeySet();
        final Set<String> everCreatedNetworks = ConcurrentHashMap.newKeySet();
        final Map<String, ContainerModel> containers = new ConcurrentHashMap<>();
        final Set<String> everCreatedContainers = ConcurrentHashMap.newKeySet();

        Model copy() {
            Model copy = new Model();
            copy.networks.addAll(networks);
            copy.everCreatedNetworks.addAll(everCreatedNetworks);
            containers.forEach((name, c) -> copy.containers.put(name, c.copy()));
            copy.everCreatedContainers.addAll(everCreatedContainers);
            return copy;
        }
    }

    static final class ContainerModel {
        String state;
        final Set<String> networks = ConcurrentHashMap.newKeySet();

        ContainerModel(String state, Set<String> networks) {
            this.state = state;
            this.networks.addAll(networks);
        }

        ContainerModel copy() {
            return new ContainerModel(state, networks);
        }

        @Override
        public String toString() {
            return state + " on " + new java.util.TreeSet<>(networks);
        }
    }

    /** One request a client is about to send, and what it does to the model when acknowledged. */
    record Operation(String name, String resource, String method, String path, String body,
                     java.util.function.Consumer<Model> effect) {
    }

    /** What one client did: its model, and the request that was under way when it had to stop (or null). */
    record ClientResult(int client, Model model, Operation inFlight, long operations) {
    }

    record Result(List<ClientResult> clients, Map<String, Long> kinds, long operations, long millis) {

        long count(java.util.function.Predicate<String> kind) {
            return kinds.entrySet().stream().filter(e -> kind.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private final int clients;
    private final int operationsPerClient;
    private final long seed;
    private final IntFunction<ApiClient> targets;
    private final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
    private final Set<String> allNetworks = ConcurrentHashMap.newKeySet();
    private final AtomicLong answered = new AtomicLong();
    private volatile boolean stopped;

    /** @param targets where client {@code i} sends its requests */
    MixedLoad(int clients, int operationsPerClient, long seed, IntFunction<ApiClient> targets) {
        this.clients = clients;
        this.operationsPerClient = operationsPerClient;
        this.seed = seed;
        this.targets = targets;
        for (int k = 0; k < SHARED_NETWORKS; k++) {
            allNetworks.add(sharedNetwork(k));
        }
    }

    /** Runs every client to the end (or until a request fails to get an answer: the server is gone). */
    Result run() throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<ClientResult>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            futures.add(pool.submit(() -> new Client(client).run()));
        }
        List<ClientResult> results = new ArrayList<>();
        try {
            for (Future<ClientResult> future : futures) {
                results.add(future.get(30, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> counted = new TreeMap<>();
        kinds.forEach((kind, count) -> counted.put(kind, count.get()));
        long operations = results.stream().mapToLong(ClientResult::operations).sum();
        return new Result(results, counted, operations, (System.nanoTime() - started) / 1_000_000);
    }

    /** Makes every client stop after its current request. */
    void stop() {
        stopped = true;
    }

    /** Requests answered so far, by all clients. */
    long answered() {
        return answered.get();
    }

    /** An answer's kind: its status and its message with names, IDs, addresses and numbers blanked. */
    static String kind(String operation, Reply reply) {
        if (reply.ok()) {
            return reply.status() + " " + operation;
        }
        String message = reply.message() == null ? "(no body)" : reply.message();
        message = HEX.matcher(message).replaceAll("<id>");
        message = NAMES.matcher(message).replaceAll("<name>");
        message = ADDRESSES.matcher(message).replaceAll("<ip>");
        message = NUMBERS.matcher(message).replaceAll("<n>");
        return reply.status() + " " + operation + ": " + message;
    }

    private final class Client {
        private final int id;
        private final Random random;
        private final ApiClient api;
        private final Model model = new Model();
        private int sequence;

        Client(int id) {
            this.id = id;
            this.random = new Random(seed * 1_000_003L + id);
            this.api = targets.apply(id);
        }

        ClientResult run() {
            long done = 0;
            for (int i = 0; i < operationsPerClient && !stopped; i++) {
                Operation operation = next();
                Reply reply;
                try {
                    reply = send(operation);
                } catch (IllegalStateException noAnswer) {
                    return new ClientResult(id, model, operation, done);
                }
                done++;
                answered.incrementAndGet();
                kinds.computeIfAbsent(kind(operation.name(), reply), k -> new AtomicLong()).incrementAndGet();
                if (reply.ok()) {
                    operation.effect().accept(model);
                }
            }
            return new ClientResult(id, model, null, done);
        }

        private Reply send(Operation operation) {
            return switch (operation.method()) {
                case "GET" -> api.get(operation.path());
                case "DELETE" -> api.delete(operation.path());
                default -> operation.body() == null ? api.post(operation.path())
                        : api.post(operation.path(), operation.body());
            };
        }

        private Operation next() {
            int dice = random.nextInt(100);
            List<String> mine = new ArrayList<>(model.containers.keySet());
            if (dice < 8 || (mine.isEmpty() && dice < 60)) {
                return createContainer();
            }
            if (mine.isEmpty()) {
                return dice < 80 ? createNetwork() : read();
            }
            String container = mine.get(random.nextInt(mine.size()));
            if (dice < 22) {
                return start(container);
            }
            if (dice < 32) {
                return stop(container);
            }
            if (dice < 35) {
                return restart(container);
            }
            if (dice < 38) {
                return kill(container);
            }
            if (dice < 46) {
                return remove(container);
            }
            if (dice < 58) {
                return connect(container);
            }
            if (dice < 66) {
                return disconnect(container);
            }
            if (dice < 74) {
                return createNetwork();
            }
            if (dice < 82) {
                return deleteNetwork();
            }
            if (dice < 86 && model.containers.size() < 6) {
                return createContainer();
            }
            return read();
        }

        private Operation createNetwork() {
            String name = "c" + id + "-n" + sequence++;
            String body = random.nextBoolean() ? "{\"Name\":\"" + name + "\"}"
                    : "{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10." + (80 + random.nextInt(8))
                            + "." + random.nextInt(4) + ".0/24\"}]}}";
            return new Operation("network create", "network " + name, "POST", "/networks/create", body, m -> {
                m.networks.add(name);
                m.everCreatedNetworks.add(name);
                allNetworks.add(name);
            });
        }

        private Operation deleteNetwork() {
            List<String> networks = new ArrayList<>(model.networks);
            if (networks.isEmpty()) {
                return read();
            }
            String name = networks.get(random.nextInt(networks.size()));
            return new Operation("network delete", "network " + name, "DELETE", "/networks/" + name, null,
                    m -> m.networks.remove(name));
        }

        private Operation createContainer() {
            String name = "c" + id + "-k" + sequence++;
            if (random.nextInt(20) == 0 && !model.containers.isEmpty()) {
                // a name this client already uses: 409
                List<String> taken = new ArrayList<>(model.containers.keySet());
                name = taken.get(random.nextInt(taken.size()));
            }
            int pick = random.nextInt(10);
            String network;
            String endpoints = "";
            if (pick < 6) {
                int k = random.nextInt(SHARED_NETWORKS);
                network = sharedNetwork(k);
                if (random.nextInt(3) == 0) {
                    endpoints = ",\"NetworkingConfig\":{\"EndpointsConfig\":{\"" + network + "\":{\"IPAMConfig\":"
                            + "{\"IPv4Address\":\"10.77." + k + "." + (10 + random.nextInt(40)) + "\"}}}}";
                }
            } else if (pick < 8 && !model.networks.isEmpty()) {
                List<String> own = new ArrayList<>(model.networks);
                network = own.get(random.nextInt(own.size()));
            } else {
                network = "bridge";
            }
            String ports = switch (random.nextInt(4)) {
                case 0 -> "\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"\"}]},";
                case 1 -> "\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"" + (30000 + random.nextInt(48)) + "\"}]},";
                case 2 -> "\"PublishAllPorts\":true,";
                default -> "";
            };
            String body = "{\"Image\":\"busybox\",\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{" + ports
                    + "\"NetworkMode\":\"" + network + "\"}" + endpoints + "}";
            String created = name;
            return new Operation("container create", "container " + name, "POST", "/containers/create?name=" + name,
                    body, m -> {
                        m.containers.put(created, new ContainerModel("created", Set.of(network)));
                        m.everCreatedContainers.add(created);
                    });
        }

        private Operation start(String container) {
            return new Operation("container start", "container " + container, "POST",
                    "/containers/" + container + "/start", null, m -> m.containers.get(container).state = "running");
        }

        private Operation stop(String container) {
            return new Operation("container stop", "container " + container, "POST",
                    "/containers/" + container + "/stop", null, m -> m.containers.get(container).state = "exited");
        }

        private Operation restart(String container) {
            return new Operation("container restart", "container " + container, "POST",
                    "/containers/" + container + "/restart", null, m -> m.containers.get(container).state = "running");
        }

        private Operation kill(String container) {
            return new Operation("container kill", "container " + container, "POST",
                    "/containers/" + container + "/kill", null, m -> m.containers.get(container).state = "exited");
        }

        private Operation remove(String container) {
            boolean force = random.nextBoolean();
            return new Operation("container remove", "container " + container, "DELETE",
                    "/containers/" + container + (force ? "?force=1" : ""), null, m -> m.containers.remove(container));
        }

        private Operation connect(String container) {
            String network;
            String config = "";
            int pick = random.nextInt(10);
            if (pick < 6) {
                int k = random.nextInt(SHARED_NETWORKS);
                network = sharedNetwork(k);
                if (random.nextBoolean()) {
                    config = ",\"EndpointConfig\":{\"IPAMConfig\":{\"IPv4Address\":\"10.77." + k + "."
                            + (10 + random.nextInt(40)) + "\"}}";
                }
            } else {
                // any network some client created, perhaps deleted since: another client's resource
                List<String> all = new ArrayList<>(allNetworks);
                network = all.get(random.nextInt(all.size()));
            }
            String target = network;
            return new Operation("network connect", "container " + container, "POST",
                    "/networks/" + network + "/connect", "{\"Container\":\"" + container + "\"" + config + "}",
                    m -> m.containers.get(container).networks.add(target));
        }

        private Operation disconnect(String container) {
            List<String> networks = new ArrayList<>(model.containers.get(container).networks);
            if (networks.isEmpty()) {
                return read();
            }
            String network = networks.get(random.nextInt(networks.size()));
            return new Operation("network disconnect", "container " + container, "POST",
                    "/networks/" + network + "/disconnect", "{\"Container\":\"" + container + "\"}",
                    m -> m.containers.get(container).networks.remove(network));
        }

        private Operation read() {
            return switch (random.nextInt(3)) {
                case 0 -> new Operation("container list", "", "GET", "/containers/json?all=1", null, m -> {
                });
                case 1 -> new Operation("network list", "", "GET", "/networks", null, m -> {
                });
                default -> new Operation("network inspect", "", "GET", "/networks/" + sharedNetwork(
                        random.nextInt(SHARED_NETWORKS)), null, m -> {
                        });
            };
        }
    }

    /** Answers every client may get: 2xx, 304, and the conflicts and refusals concurrent clients cause. */
    static boolean isExpected(String kind) {
        int status = Integer.parseInt(kind.substring(0, 3));
        if (status < 400) {
            return true;
        }
        if (status == 500) {
            String message = kind.substring(kind.indexOf(": ") + 2);
            return message.contains("port is already allocated") || message.contains("all ports are allocated");
        }
        return status == 403 || status == 404 || status == 409 || kind.contains("all predefined address pools");
    }

    static Map<String, Long> unexpected(Map<String, Long> kinds) {
        Map<String, Long> unexpected = new LinkedHashMap<>();
        kinds.forEach((kind, count) -> {
            if (!isExpected(kind)) {
                unexpected.put(kind, count);
            }
        });
        return unexpected;
    }

    static String describe(Result result) {
        StringBuilder text = new StringBuilder();
        text.append(result.operations()).append(" operations by ").append(result.clients().size())
                .append(" clients in ").append(result.millis()).append(" ms\n");
        Map<String, Long> sorted = new HashMap<>(result.kinds());
        sorted.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> text.append(String.format("%7d  %s%n", e.getValue(), e.getKey())));
        return text.toString();
    }
}
