package io.netdock.container;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings a client sent that netdock keeps only to show them back ({@link ContainerConfig#asGiven()},
 * {@link HostSettings#asGiven()}): JSON values as plain Java ones, copied read-only with whole numbers as
 * {@code Long} (or {@code BigInteger} beyond it) so a copy read back from the store equals the one written.
 */
final class GivenValues {

    private GivenValues() {
    }

    static Map<String, Object> copyOf(Map<String, Object> fields) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        return map(fields);
    }

    private static Map<String, Object> map(Map<?, ?> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(String.valueOf(key), value(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(value(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return value;
    }
}
