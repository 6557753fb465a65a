package io.netdock.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code strconv}: values and the exact error texts dockerd passes on. */
class StrconvTest {

    @Test
    void quotesLikeStrconvQuote() {
        assertThat(Strconv.quote("abc")).isEqualTo("\"abc\"");
        assertThat(Strconv.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Strconv.quote("\n\t\r")).isEqualTo("\"\\n\\t\\r\"");
        assertThat(Strconv.quote("\u0000\u007f")).isEqualTo("\"\\x00\\x7f\"");
        assertThat(Strconv.quote("\u00e9t\u00e9 \ud83d\ude00")).isEqualTo("\"\u00e9t\u00e9 \ud83d\ude00\"");
        assertThat(Strconv.quote("\u202e\u3000")).isEqualTo("\"\\u202e\\u3000\"");
    }

    @Test
    void integersWithinInt64() {
        assertThat(Strconv.atoi("42")).isEqualTo(42);
        assertThat(Strconv.atoi("+5")).isEqualTo(5);
        assertThat(Strconv.atoi("-0012")).isEqualTo(-12);
        assertThat(Strconv.parseInt("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Strconv.parseInt("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Strconv.parseUint("65535", 16)).isEqualTo(65535);
        assertThat(Strconv.parseUint("0", 16)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc                   | strconv.Atoi: parsing \"abc\": invalid syntax",
            "''                    | strconv.Atoi: parsing \"\": invalid syntax",
            "+                     | strconv.Atoi: parsing \"+\": invalid syntax",
            "' 5'                  | strconv.Atoi: parsing \" 5\": invalid syntax",
            "1_000                 | strconv.Atoi: parsing \"1_000\": invalid syntax",
            "9223372036854775808   | strconv.Atoi: parsing \"9223372036854775808\": value out of range",
            "-9223372036854775809  | strconv.Atoi: parsing \"-9223372036854775809\": value out of range",
            "99999999999999999999x | strconv.Atoi: parsing \"99999999999999999999x\": value out of range",
    })
    void atoiRefusesInGosWords(String text, String message) {
        assertThatThrownBy(() -> Strconv.atoi(text)).isInstanceOf(Unparsable.class).hasMessage(message);
    }

    @Test
    void eachFunctionNamesItself() {
        assertThatThrownBy(() -> Strconv.parseInt("1.5"))
                .hasMessage("strconv.ParseInt: parsing \"1.5\": invalid syntax");
        assertThatThrownBy(() -> Strconv.parseUint("70000", 16))
                .hasMessage("strconv.ParseUint: parsing \"70000\": value out of range")
                .matches(e -> ((Unparsable) e).outOfRange());
        assertThatThrownBy(() -> Strconv.parseUint("+5", 16)).as("no sign for an unsigned number")
                .hasMessage("strconv.ParseUint: parsing \"+5\": invalid syntax")
                .matches(e -> !((Unparsable) e).outOfRange());
        assertThatThrownBy(() -> Strconv.parseBool("yes"))
                .hasMessage("strconv.ParseBool: parsing \"yes\": invalid syntax");
    }

    @Test
    void parseBoolTakesTwelveSpellings() {
        for (String yes : new String[] {"1", "t", "T", "TRUE", "true", "True"}) {
            assertThat(Strconv.parseBool(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"0", "f", "F", "FALSE", "false", "False"}) {
            assertThat(Strconv.parseBool(no)).as(no).isFalse();
        }
        for (String other : new String[] {"", "tRUE", "yes", "on", " 1"}) {
            assertThatThrownBy(() -> Strconv.parseBool(other)).as(other).isInstanceOf(Unparsable.class);
        }
    }
}
