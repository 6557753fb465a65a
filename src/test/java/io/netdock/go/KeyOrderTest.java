package io.netdock.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

    @Test
    void keysInUtf8ByteOrderLikeGosMapEncoding() {
        TreeSet<String> keys = new TreeSet<>(KeyOrder.GO);
        keys.addAll(List.of("b", "\ud83d\ude00", "\uff21", "a", "ab", "B", ""));
        assertThat(keys).containsExactly("", "B", "a", "ab", "b", "\uff21", "\ud83d\ude00");
    }

    @Test
    void stringsAsEncodingJsonWritesThem() {
        assertThat(JsonString.quote("a<b>&\"\\\n\u0001\u2028")).isEqualTo("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\u0001\\u2028\"");
        assertThat(Fmt.slice(List.of("a", "b c"))).isEqualTo("[a b c]");
        assertThat(Fmt.slice(List.of())).isEqualTo("[]");
    }
}
