package io.netdock.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoQuoteTest {

    @Test
    void quotesLikeStrconvQuote() {
        assertThat(GoQuote.quote("abc")).isEqualTo("\"abc\"");
        assertThat(GoQuote.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoQuote.quote("\n\t\r")).isEqualTo("\"\\n\\t\\r\"");
        assertThat(GoQuote.quote("\u0000\u007f")).isEqualTo("\"\\x00\\x7f\"");
        assertThat(GoQuote.quote("\u00e9t\u00e9 \ud83d\ude00")).isEqualTo("\"\u00e9t\u00e9 \ud83d\ude00\"");
        assertThat(GoQuote.quote("\u202e\u3000")).isEqualTo("\"\\u202e\\u3000\"");
    }
}
