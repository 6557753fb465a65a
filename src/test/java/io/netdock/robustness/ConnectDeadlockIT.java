package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.ipam.AddressAllocator;
import io.netdock.testing.ApiClient;
import io.netdock.testing.ApiClient.Reply;
import io.netdock.testing.RunningNetdock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Operations lock what they touch, in one fixed order; this is the load that would find a lock taken out of order.
 * 32 clients share 16 containers (some linked to others, some sharing another's namespace) and 6 networks, and
 * connect and disconnect random containers to and from random networks in random order, start, stop, restart and
 * remove them, and make, use and remove networks of their own, all at once. Every client must finish (the timeout is
 * the deadlock guard, not a speed target), every answer must be one Docker gives for such races, and afterwards the
 * database, the API, the allocator's cache and the kernel agree.
 */
class ConnectDeadlockIT {

    private static final int CLIENTS = 32;
    private static final int OPERATIONS = Integer.getInteger("netdock.deadlock.operations", 60);
    private static final int NETWORKS = 6;
    private static final int CONTAINERS = 16;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void randomMultiNetworkConnectsFrom32ClientsFinish() throws Exception {
        try (RunningNetdock netdock = RunningNetdock.start(); ApiClient api = ApiClient.tcp(netdock.port())) {
            List<String> networks = new ArrayList<>();
            for (int k = 0; k < NETWORKS; k++) {
                networks.add(created(api.post("/networks/create", "{\"Name\":\"dl-net" + k
                        + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.231." + k + ".0/24\"}]}}")));
            }
            List<String> containers = new ArrayList<>();
            for (int c = 0; c < CONTAINERS; c++) {
                String hostConfig = c % 4 == 1 ? ",\"HostConfig\":{\"Links\":[\"dl-c" + (c - 1) + ":peer\"]}"
                        : c % 4 == 3 ? ",\"HostConfig\":{\"NetworkMode\":\"container:dl-c" + (c - 1) + "\"}" : "";
                containers.add(created(api.post("/containers/create?name=dl-c" + c,
                        "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"1\"]" + hostConfig + "}")));
            }
            Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int id = client;
                    clients.add(pool.submit(() -> run(api, id, networks, containers, answers)));
                }
                for (Future<?> client : clients) {
                    client.get();
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.println("connect deadlock load: " + new java.util.TreeMap<>(answers));

            assertThat(answers.keySet()).as("answers no client should get").allMatch(ConnectDeadlockIT::expected);
            assertThat(Invariants.ofSoleProcess(api, netdock.bean(DataSource.class),
                    netdock.bean(AddressAllocator.class))).isEmpty();
        }
    }

    private static void run(ApiClient api, int client, List<String> networks, List<String> containers,
                            Map<String, AtomicLong> answers) {
        Random random = new Random(client * 7919L);
        String own = "dl-own" + client;
        for (int op = 0; op < OPERATIONS; op++) {
            String container = "dl-c" + random.nextInt(containers.size());
            int dice = random.nextInt(100);
            if (dice < 50) {
                List<String> some = new ArrayList<>(networks);
                Collections.shuffle(some, random);
                for (String network : some.subList(0, 1 + random.nextInt(3))) {
                    String verb = random.nextBoolean() ? "connect" : "disconnect";
                    count(answers, verb, api.post("/networks/" + network + "/" + verb,
                            "{\"Container\":\"" + container + "\"}"));
                }
            } else if (dice < 62) {
                count(answers, "start", api.post("/containers/" + container + "/start"));
            } else if (dice < 72) {
                count(answers, "stop", api.post("/containers/" + container + "/stop?t=0"));
            } else if (dice < 78) {
                count(answers, "restart", api.post("/containers/" + container + "/restart?t=0"));
            } else if (dice < 84) {
                count(answers, "create own network", api.post("/networks/create", "{\"Name\":\"" + own + "\"}"));
                count(answers, "connect own network", api.post("/networks/" + own + "/connect",
                        "{\"Container\":\"" + container + "\"}"));
            } else if (dice < 92) {
                count(answers, "disconnect own network", api.post("/networks/" + own + "/disconnect",
                        "{\"Container\":\"" + container + "\",\"Force\":true}"));
                count(answers, "remove own network", api.delete("/networks/" + own));
            } else {
                count(answers, "remove and create", api.delete("/containers/" + container + "?force=true"));
                int index = Integer.parseInt(container.substring(4));
                String hostConfig = index % 4 == 1 ? ",\"HostConfig\":{\"Links\":[\"dl-c" + (index - 1) + ":peer\"]}"
                        : index % 4 == 3 ? ",\"HostConfig\":{\"NetworkMode\":\"container:dl-c" + (index - 1) + "\"}"
                        : "";
                count(answers, "remove and create", api.post("/containers/create?name=" + container,
                        "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"1\"]" + hostConfig + "}"));
            }
        }
    }

    private static void count(Map<String, AtomicLong> answers, String operation, Reply reply) {
        String kind = operation + " " + reply.status();
        if (reply.status() >= 400) {
            kind += " " + reply.message().replaceAll("[0-9a-f]{12,64}", "ID").replaceAll("dl-[a-z]+\\d+", "NAME");
        }
        answers.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** Successes, and the refusals Docker gives when clients race for the same containers and networks. */
    private static boolean expected(String kind) {
        String status = kind.replaceAll("^[a-z ]+ (\\d+).*", "$1");
        if (status.startsWith("2") || status.equals("304")) {
            return true;
        }
        return kind.contains("No such container") || kind.contains("not found")
                || kind.contains("already exists") || kind.contains("is not connected")
                || kind.contains("has active endpoints") || kind.contains("already started")
                || kind.contains("cannot join network of a non running container")
                || kind.contains("Cannot link to a non running container")
                || kind.contains("container sharing network namespace")
                || kind.contains("is already in use by container")
                || kind.contains("is not running");
    }

    private static String created(Reply reply) {
        if (reply.status() != 201) {
            throw new AssertionError("create: " + reply);
        }
        return reply.json().get("Id").asString();
    }
}
