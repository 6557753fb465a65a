package io.netdock.go;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link FilePath#clean} against the table of Go's own {@code path/filepath} tests (the Unix cases). */
class FilePathTest {

    @ParameterizedTest(name = "Clean({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "abc|abc", "abc/def|abc/def", "a/b/c|a/b/c", ".|.", "..|..", "../..|../..", "../../abc|../../abc",
            "/abc|/abc", "/|/", "EMPTY|.", "abc/|abc", "abc/def/|abc/def", "a/b/c/|a/b/c", "./|.", "../|..",
            "../../|../..", "/abc/|/abc", "abc//def//ghi|abc/def/ghi", "//abc|/abc", "///abc|/abc", "//abc//|/abc",
            "abc//|abc", "abc/./def|abc/def", "/./abc/def|/abc/def", "abc/.|abc", "abc/def/ghi/../jkl|abc/def/jkl",
            "abc/def/../ghi/../jkl|abc/jkl", "abc/def/..|abc", "abc/def/../..|.", "/abc/def/../..|/",
            "abc/def/../../..|..", "/abc/def/../../..|/", "abc/def/../../../ghi/jkl/../../../mno|../../mno",
            "abc/./../def|def", "abc//./../def|def", "abc/../../././../def|../../def", "/../etc/hosts|/etc/hosts"})
    void cleansAsGoDoes(String path, String clean) {
        assertThat(FilePath.clean(path.equals("EMPTY") ? "" : path)).isEqualTo(clean);
    }
}
