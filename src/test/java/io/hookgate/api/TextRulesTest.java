package io.hookgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ada", "Wikimania chat 2026", "Zoë", "日本語", "👩‍👩‍👧 family", "a-b_c.d"})
    void acceptsOrdinaryText(String text) {
        assertThat(TextRules.lineProblem(text, 128)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "tab\there", "line\nbreak", "rtl\u202Eoverride", "isolate\u2066x", "zero\u200Bwidth",
        "bom\uFEFF", "lone\uD800", "low\uDC00", "sep\u2028", "del\u007F", "c1\u0085", "nonchar\uFFFF"})
    void rejectsHiddenCharacters(String text) {
        assertThat(TextRules.lineProblem(text, 128))
                .contains("must not contain control, format or unpaired surrogate characters");
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        String emoji = "😀".repeat(128);
        assertThat(TextRules.lineProblem(emoji, 128)).isEmpty();
        assertThat(TextRules.lineProblem(emoji + "😀", 128)).contains("must be at most 128 characters");
    }

    @Test
    void rejectsEmptyAndBlank() {
        assertThat(TextRules.lineProblem("", 10)).contains("must not be empty");
        assertThat(TextRules.lineProblem("   ", 10)).contains("must not be blank");
    }

    @Test
    void printableReplacesHiddenCharactersAndTruncates() {
        assertThat(TextRules.printable("a\u202Eb\u0000", 10)).isEqualTo("a?b?");
        assertThat(TextRules.printable("abcdef", 3)).isEqualTo("abc…");
        assertThat(TextRules.printable("abc", 3)).isEqualTo("abc");
    }
}
