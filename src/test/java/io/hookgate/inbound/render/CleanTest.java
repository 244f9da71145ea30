package io.hookgate.inbound.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CleanTest {

    static List<Arguments> lines() {
        return List.of(
                Arguments.of("Fix login", "Fix login"),
                Arguments.of("Fix login\n\nLonger body", "Fix login"),
                Arguments.of("Fix login\r\nbody", "Fix login"),
                Arguments.of("  many   spaces\there  ", "many spaces here"),
                Arguments.of("bell\u0007 and\u0000 nul", "bell and nul"),
                Arguments.of("\u202eevil\u202c text", "evil text"),
                Arguments.of("\u2066isolate\u2069", "isolate"),
                Arguments.of("line\u2028separator", "line"),
                Arguments.of("next\u0085line", "next"),
                Arguments.of("emoji 👋 kept", "emoji 👋 kept"),
                Arguments.of("lone \ud800 high", "lone high"),
                Arguments.of("lone \udc00 low", "lone low"),
                Arguments.of("\u00a0nbsp\u3000ideographic", "nbsp ideographic"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void lineIsTheFirstLineCleaned(String in, String expected) {
        assertThat(Clean.line(in, 100)).isEqualTo(expected);
    }

    @Test
    void lineIsCutWithAnEllipsisWithoutSplittingACharacter() {
        assertThat(Clean.line("abcdef", 4)).isEqualTo("abc…");
        assertThat(Clean.line("ab👋👋👋", 4)).isEqualTo("ab👋…");
        assertThat(Clean.line("abcd", 4)).isEqualTo("abcd");
        assertThat(Clean.line("ab  cdef", 4)).isEqualTo("ab…");
    }

    @Test
    void nullIsEmpty() {
        assertThat(Clean.line(null, 10)).isEmpty();
    }

    @Test
    void hugeSingleLineIsBoundedCheaply() {
        assertThat(Clean.line("x".repeat(1_000_000), Clean.TEXT_CHARS)).hasSize(Clean.TEXT_CHARS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/a/b/pull/1", "http://gitlab.example.com/a/-/issues/2",
        "HTTPS://EXAMPLE.ORG/X"})
    void webUrlsAreKept(String url) {
        assertThat(Clean.url(url)).contains(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "ftp://example.org", "/relative/path",
        "https://example.org/a b", "https://example.org/\u0000", "https://exämple.org", ""})
    void otherUrlsAreDropped(String url) {
        assertThat(Clean.url(url)).isEmpty();
    }

    @Test
    void overlongUrlIsDropped() {
        assertThat(Clean.url("https://example.org/" + "a".repeat(Clean.URL_CHARS))).isEqualTo(Optional.empty());
    }
}
