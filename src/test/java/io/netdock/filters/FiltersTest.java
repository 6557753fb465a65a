package io.netdock.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void readsTheMapFormTheCliSends() {
        Filters filters = Filters.parse("{\"driver\":{\"bridge\":true},\"label\":{\"rs=1\":true}}");
        assertThat(filters.get("driver")).containsExactly("bridge");
        assertThat(filters.get("label")).containsExactly("rs=1");
    }

    @Test
    void theBooleanOfTheMapFormIsIgnored() {
        assertThat(Filters.parse("{\"name\":{\"rsx-f1\":false}}").get("name")).containsExactly("rsx-f1");
    }

    @Test
    void readsTheLegacyListForm() {
        assertThat(Filters.parse("{\"label\":[\"a\",\"b=c\"]}").get("label")).containsExactly("a", "b=c");
    }

    @Test
    void emptyAndNullMeanNoFiltering() {
        assertThat(Filters.parse("").isEmpty()).isTrue();
        assertThat(Filters.parse(null).isEmpty()).isTrue();
        assertThat(Filters.parse("null").isEmpty()).isTrue();
        assertThat(Filters.parse("{\"label\":[]}").isEmpty()).isTrue();
    }

    @Test
    void mixedFormsAndGarbageAreInvalid() {
        for (String bad : new String[] {"{\"driver\":{\"bridge\":false},\"label\":[\"rs=1\"]}", "{\"name\":\"rsx\"}",
                "notjson", "[1]"}) {
            assertThatThrownBy(() -> Filters.parse(bad))
                    .isInstanceOfSatisfying(DockerError.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_PARAMETER);
                        assertThat(e.getMessage()).isEqualTo("invalid filter");
                    });
        }
    }

    @Test
    void unknownKeysAreRejectedByName() {
        assertThatThrownBy(() -> Filters.parse("{\"bogus\":[\"x\"]}").accept(Set.of("name")))
                .hasMessage("invalid filter 'bogus'");
    }

    @Test
    void nameMatchesAsRegexpOrExactly() {
        Filters filters = Filters.parse("{\"name\":[\"rsx-f\"]}");
        assertThat(filters.match("name", "rsx-f1")).isTrue();
        assertThat(filters.match("name", "other")).isFalse();
        assertThat(Filters.parse("{\"name\":[\"^rsx-f1$\"]}").match("name", "rsx-f1")).isTrue();
        assertThat(Filters.parse("{\"name\":[\"f[12]\"]}").match("name", "rsx-f2")).isTrue();
        assertThat(Filters.parse("{\"name\":[\"(\"]}").match("name", "(")).isTrue();
    }

    @Test
    void labelValuesMustAllHold() {
        Map<String, String> labels = Map.of("rs", "1", "keep", "");
        assertThat(Filters.parse("{\"label\":[\"rs\",\"rs=1\"]}").matchesLabels("label", labels)).isTrue();
        assertThat(Filters.parse("{\"label\":[\"rs\",\"rs=2\"]}").matchesLabels("label", labels)).isFalse();
        assertThat(Filters.parse("{\"label!\":[\"keep\"]}").matchesNoLabel("label!", labels)).isFalse();
        assertThat(Filters.parse("{\"label!\":[\"other\"]}").matchesNoLabel("label!", labels)).isTrue();
    }

    @Test
    void aValueThatIsNotARegexpMatchesOnlyExactlyWhileTheOthersStillMatchAsRegexps() {
        Filters filters = Filters.parse("{\"name\":[\"(\",\"^web-\"]}");
        assertThat(filters.match("name", "(")).isTrue();
        assertThat(filters.match("name", "web-1")).isTrue();
        assertThat(filters.match("name", "db-(")).isFalse();
        assertThat(filters.match("other", "anything")).isTrue();
    }

    @Test
    void matchingManyItemsGivesTheSameAnswerEveryTime() {
        Filters filters = Filters.parse("{\"name\":[\"-7$\"],\"label\":[\"env=prod\"]}");
        for (int i = 0; i < 20; i++) {
            assertThat(filters.match("name", "net-" + i)).isEqualTo(i == 7);
            assertThat(filters.matchesLabels("label", Map.of("env", i % 2 == 0 ? "prod" : "dev"))).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void aLabelValueMayItselfContainAnEqualsSign() {
        Map<String, String> labels = Map.of("a", "b=c");
        assertThat(Filters.parse("{\"label\":[\"a=b=c\"]}").matchesLabels("label", labels)).isTrue();
        assertThat(Filters.parse("{\"label\":[\"a=b\"]}").matchesLabels("label", labels)).isFalse();
        assertThat(Filters.parse("{\"label\":[\"a=\"]}").matchesLabels("label", Map.of("a", ""))).isTrue();
        assertThat(Filters.parse("{\"label\":[\"a=\"]}").matchesLabels("label", Map.of())).isFalse();
    }

    @Test
    void prefixMatchesTheStartOnly() {
        Filters filters = Filters.parse("{\"id\":[\"ab\",\"cd\"]}");
        assertThat(filters.prefixMatch("id", "abc123")).isTrue();
        assertThat(filters.prefixMatch("id", "cd")).isTrue();
        assertThat(filters.prefixMatch("id", "xab")).isFalse();
        assertThat(filters.prefixMatch("name", "xab")).isTrue();
    }

    @Test
    void aCatastrophicRegexpIsRefusedInsteadOfRunningForever() {
        Filters filters = Filters.parse("{\"name\":[\"(.*a){12}x\"]}");
        String hostileName = "a".repeat(40);
        long start = System.nanoTime();
        assertThatThrownBy(() -> filters.match("name", hostileName))
                .isInstanceOfSatisfying(DockerError.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_PARAMETER);
                    assertThat(e.getMessage()).isEqualTo(
                            "filter regexp (.*a){12}x takes too long to evaluate; use a simpler pattern");
                });
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        assertThat(Filters.parse("{\"name\":[\"(.*a){2}x\"]}").match("name", "aax")).isTrue();
    }
}
