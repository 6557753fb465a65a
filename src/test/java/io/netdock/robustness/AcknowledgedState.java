package io.netdock.robustness;

import io.netdock.testing.ApiClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * After a crash: is everything the server acknowledged still there, and nothing it did not? Each client's model
 * holds what was acknowledged; the one request a client had under way when the server died may have happened or
 * not, so for its resource either state is right (and for a restart also "stopped": it is a stop and a start, as
 * in Docker). Anything else (a lost network, a container in another state or on other networks) is a violation.
 */
final class AcknowledgedState {

    private AcknowledgedState() {
    }

    static List<String> check(ApiClient api, MixedLoad.Result result) {
        List<String> violations = new ArrayList<>();
        Set<String> existing = new HashSet<>();
        api.get("/networks").json().forEach(network -> existing.add(network.path("Name").asString()));
        for (MixedLoad.ClientResult client : result.clients()) {
            MixedLoad.Model before = client.model();
            MixedLoad.Model after = before.copy();
            MixedLoad.Operation inFlight = client.inFlight();
            if (inFlight != null) {
                inFlight.effect().accept(after);
            }
            String uncertain = inFlight == null ? "" : inFlight.resource();
            Set<String> networks = new TreeSet<>(after.everCreatedNetworks);
            networks.addAll(before.everCreatedNetworks);
            for (String network : networks) {
                boolean exists = existing.contains(network);
                boolean acknowledged = before.networks.contains(network);
                boolean alternative = uncertain.equals("network " + network) && exists == after.networks.contains(network);
                if (exists != acknowledged && !alternative) {
                    violations.add("client " + client.client() + ": network " + network + (exists ? " exists" : " is gone")
                            + " but " + (acknowledged ? "its creation" : "its removal") + " was acknowledged");
                }
            }
            Set<String> containers = new TreeSet<>(after.everCreatedContainers);
            containers.addAll(before.everCreatedContainers);
            for (String container : containers) {
                String actual = actual(api, container, existing);
                String acknowledged = describe(before.containers.get(container), existing);
                if (Objects.equals(actual, acknowledged)) {
                    continue;
                }
                if (uncertain.equals("container " + container)) {
                    MixedLoad.ContainerModel done = after.containers.get(container);
                    if (Objects.equals(actual, describe(done, existing))) {
                        continue;
                    }
                    if (inFlight.name().equals("container restart") && done != null) {
                        MixedLoad.ContainerModel stopped = done.copy();
                        stopped.state = "exited";
                        if (Objects.equals(actual, describe(stopped, existing))) {
                            continue;
                        }
                    }
                }
                violations.add("client " + client.client() + ": container " + container + " is " + actual
                        + " but the acknowledged state is " + acknowledged
                        + (inFlight == null ? "" : " (under way: " + inFlight.name() + " " + inFlight.resource() + ")"));
            }
        }
        return violations;
    }

    private static String actual(ApiClient api, String container, Set<String> existing) {
        ApiClient.Reply reply = api.get("/containers/" + container + "/json");
        if (reply.status() == 404) {
            return null;
        }
        JsonNode inspect = reply.json();
        Set<String> networks = new TreeSet<>();
        inspect.path("NetworkSettings").path("Networks").propertyNames().forEach(name -> {
            if (existing.contains(name)) {
                networks.add(name);
            }
        });
        return inspect.path("State").path("Status").asString() + " on " + networks;
    }

    private static String describe(MixedLoad.ContainerModel model, Set<String> existing) {
        if (model == null) {
            return null;
        }
        Set<String> networks = new TreeSet<>(model.networks);
        networks.retainAll(existing);
        return model.state + " on " + networks;
    }
}
