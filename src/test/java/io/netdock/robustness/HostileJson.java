package io.netdock.robustness;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators of hostile request bodies: a valid template with one to three of its values replaced by values of the
 * wrong type, hostile strings (CIDRs, addresses, ports, names that would break out of an nft rule or an interface
 * name, path traversal, unicode) or extreme numbers, with fields removed or added; and now and then text that is
 * not JSON at all. Drawn from a seeded {@link Hostile}, so a failing body can be generated again.
 */
final class HostileJson {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings that have broken, or could break, parsers, validators, SQL, nft rules and interface names. */
    static final List<String> STRINGS = List.of("", " ", "\u0000", "\t", "\n", "null", "true", "0", "-1", "1e3",
            "99999999999999999999", "65535", "65536", "0x50", "NaN",
            "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.1/8", "0.0.0.0/0", "::/0", "255.255.255.255/32", "1.2.3",
            "1.2.3.4.5", "256.1.1.1", "10.123.0.0", "10.123.0.255", "10.123.0.1", "10.123.0.50", "fe80::1%eth0",
            "[::1]", "::ffff:10.123.0.7", "2001:db8::/129", "fd00::/64", "10.123.0.0/24", "10.124.0.0/16",
            "80/tcp", "80/xyz", "80/TCP", "0/tcp", "70-60/udp", "1-65535", "-", "80-", "tcp", "sctp", "icmp",
            "\";flush ruleset", "br\" accept #", "a\"b", "x*", "*", "eth\\0", "a:b", "a/b", ".", "..",
            "abcdefghijklmnop", "br-0123456789ab", "docker0", "lo", "\u00e9t\u00e9", "\ud83d\ude00", "\u202eevil",
            "\u3000", "../../../etc/passwd", "/etc/hosts", "%2e%2e/", "${jndi:ldap://x/a}", "'; drop table network; --",
            "%s%n%x", "host", "none", "bridge", "container:", "container:hostile-c", "default", "hostile-n",
            "02:42:ac:11:00:02", "zz:zz:zz:zz:zz:zz", "SIGKILL", "RTMIN+99", "busybox", "busybox:latest@sha256:x",
            "UPPER/Case:tag", "a".repeat(300), "b".repeat(5000));

    private HostileJson() {
    }

    private static final List<BigDecimal> EXTREME_NUMBERS = List.of(new BigDecimal("1e100"),
            new BigDecimal("-1e400"), new BigDecimal("0.5"), new BigDecimal("99999999999999999999999"),
            BigDecimal.valueOf(Long.MIN_VALUE));

    private static final List<String> BROKEN = List.of("", "{", "}", "[]", "[{}]", "null", "\"x\"", "42",
            "{\"Name\":}", "{'Name':'x'}", "{\"Name\":\"x\",}", "{\"Name\":\"\\ud800\"}",
            "{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}");

    static JsonNode value(Hostile random) {
        return random.weighted(
                Hostile.weight(6, r -> NODES.stringNode(r.oneOf(STRINGS))),
                Hostile.weight(2, r -> NODES.stringNode(r.anyString(24))),
                Hostile.weight(2, r -> r.between(0, 1) == 0 ? NODES.numberNode(BigInteger.valueOf(r.anyInt()))
                        : NODES.numberNode(r.oneOf(EXTREME_NUMBERS))),
                Hostile.weight(2, r -> r.oneOf(List.of(NODES.booleanNode(true), NODES.booleanNode(false),
                        NODES.nullNode()))),
                Hostile.weight(1, r -> {
                    ArrayNode array = NODES.arrayNode();
                    for (int i = r.between(0, 3); i > 0; i--) {
                        array.add(r.oneOf(STRINGS));
                    }
                    return array;
                }),
                Hostile.weight(1, r -> {
                    ObjectNode object = NODES.objectNode();
                    object.put(r.oneOf(STRINGS), r.oneOf(STRINGS));
                    return object;
                }),
                Hostile.weight(1, r -> NODES.objectNode()),
                Hostile.weight(1, r -> NODES.arrayNode()));
    }

    /** What to do at one place of the template. */
    enum Action { REPLACE, REMOVE, ADD_FIELD }

    record Mutation(int place, Action action, JsonNode value) {
    }

    static Mutation mutation(Hostile random) {
        Action action = random.weighted(Hostile.weight(8, r -> Action.REPLACE), Hostile.weight(1, r -> Action.REMOVE),
                Hostile.weight(1, r -> Action.ADD_FIELD));
        return new Mutation(random.between(0, 10_000), action, value(random));
    }

    /** A body for a route whose valid request is {@code template}. */
    static String body(Hostile random, String template) {
        return random.weighted(
                Hostile.weight(1, r -> template),
                Hostile.weight(12, r -> {
                    List<Mutation> mutations = new ArrayList<>();
                    for (int i = r.between(1, 3); i > 0; i--) {
                        mutations.add(mutation(r));
                    }
                    return JSON.writeValueAsString(apply(JSON.readTree(template), mutations));
                }),
                Hostile.weight(3, r -> r.weighted(
                        Hostile.weight(1, q -> template.substring(0, q.between(0, template.length() - 1))),
                        Hostile.weight(1, q -> q.oneOf(withTemplate(template))),
                        Hostile.weight(1, q -> q.anyString(40)))));
    }

    private static List<String> withTemplate(String template) {
        List<String> broken = new ArrayList<>(BROKEN);
        broken.addAll(List.of(template + " {}", template + "x", "\uFEFF" + template));
        return broken;
    }

    static JsonNode apply(JsonNode template, List<Mutation> mutations) {
        JsonNode root = template.deepCopy();
        for (Mutation mutation : mutations) {
            List<Place> places = places(root);
            Place place = places.get(mutation.place() % places.size());
            root = place.apply(root, mutation);
        }
        return root;
    }

    /** A spot in the tree: a container node and the field name or index of a member (null: the node itself). */
    private record Place(JsonNode parent, String field, int index) {

        JsonNode apply(JsonNode root, Mutation mutation) {
            if (parent == null) {
                return mutation.action() == Action.REPLACE ? mutation.value() : root;
            }
            if (parent instanceof ObjectNode object) {
                switch (mutation.action()) {
                    case REPLACE -> object.set(field, mutation.value());
                    case REMOVE -> object.remove(field);
                    case ADD_FIELD -> object.set(mutation.value().isString() ? mutation.value().asString() : "X",
                            mutation.value());
                }
            } else if (parent instanceof ArrayNode array) {
                switch (mutation.action()) {
                    case REPLACE -> array.set(index, mutation.value());
                    case REMOVE -> array.remove(index);
                    case ADD_FIELD -> array.add(mutation.value());
                }
            }
            return root;
        }
    }

    private static List<Place> places(JsonNode root) {
        List<Place> places = new ArrayList<>();
        places.add(new Place(null, null, -1));
        collect(root, places);
        return places;
    }

    private static void collect(JsonNode node, List<Place> places) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                places.add(new Place(object, name, -1));
                collect(object.get(name), places);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                places.add(new Place(array, null, i));
                collect(array.get(i), places);
            }
        }
    }
}
