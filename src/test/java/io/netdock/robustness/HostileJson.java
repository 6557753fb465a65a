package io.netdock.robustness;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators of hostile request bodies: a valid template with one to three of its values replaced by values of the
 * wrong type, hostile strings (CIDRs, addresses, ports, names that would break out of an nft rule or an interface
 * name, path traversal, unicode) or extreme numbers, with fields removed or added; and now and then text that is
 * not JSON at all. jqwik shrinks a failing body towards the template.
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

    static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> strings = Arbitraries.of(STRINGS).map(NODES::stringNode);
        Arbitrary<JsonNode> randomStrings = Arbitraries.strings().all().ofMaxLength(24).map(NODES::stringNode);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(BigInteger.valueOf(i))),
                Arbitraries.of(new BigDecimal("1e100"), new BigDecimal("-1e400"), new BigDecimal("0.5"),
                                new BigDecimal("99999999999999999999999"), BigDecimal.valueOf(Long.MIN_VALUE))
                        .map(d -> (JsonNode) NODES.numberNode(d)));
        Arbitrary<JsonNode> scalars = Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false),
                NODES.nullNode());
        Arbitrary<JsonNode> arrays = Arbitraries.of(STRINGS).list().ofMaxSize(3).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return (JsonNode) array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.of(STRINGS), Arbitraries.of(STRINGS))
                .as((key, value) -> {
                    ObjectNode object = NODES.objectNode();
                    object.put(key, value);
                    return (JsonNode) object;
                });
        return Arbitraries.frequencyOf(Tuple.of(6, strings), Tuple.of(2, randomStrings), Tuple.of(2, numbers),
                Tuple.of(2, scalars), Tuple.of(1, arrays), Tuple.of(1, objects),
                Tuple.of(1, Arbitraries.just(NODES.objectNode())), Tuple.of(1, Arbitraries.just(NODES.arrayNode())));
    }

    /** What to do at one place of the template. */
    enum Action { REPLACE, REMOVE, ADD_FIELD }

    record Mutation(int place, Action action, JsonNode value) {
    }

    static Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.frequency(Tuple.of(8, Action.REPLACE), Tuple.of(1, Action.REMOVE), Tuple.of(1, Action.ADD_FIELD)),
                values()).as(Mutation::new);
    }

    /** Bodies for a route whose valid request is {@code template}. */
    static Arbitrary<String> bodies(String template) {
        JsonNode parsed = JSON.readTree(template);
        Arbitrary<String> mutated = mutations().list().ofMinSize(1).ofMaxSize(3)
                .map(list -> JSON.writeValueAsString(apply(parsed, list)));
        Arbitrary<String> broken = Arbitraries.oneOf(
                Arbitraries.integers().between(0, template.length() - 1).map(cut -> template.substring(0, cut)),
                Arbitraries.of("", "{", "}", "[]", "[{}]", "null", "\"x\"", "42", "{\"Name\":}", "{'Name':'x'}",
                        template + " {}", template + "x", "\uFEFF" + template, "{\"Name\":\"x\",}",
                        "{\"Name\":\"\\ud800\"}", "{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}"),
                Arbitraries.strings().all().ofMaxLength(40));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(template)), Tuple.of(12, mutated),
                Tuple.of(3, broken));
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
