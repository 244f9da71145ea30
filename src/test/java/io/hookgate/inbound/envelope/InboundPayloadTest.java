package io.hookgate.inbound.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboundPayloadTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "  {\"a\": [1, 2.50, 1e400, 123456789012345678901234567890]}\n", "[]", "42",
        "\"text\"", "null", "{\"k\":\"\\ud800\"}"})
    void strictJsonIsJsonKeptVerbatim(String body) {
        InboundPayload p = InboundPayload.of(body.getBytes(StandardCharsets.UTF_8));

        assertThat(p).isInstanceOfSatisfying(InboundPayload.Json.class,
                json -> assertThat(json.text()).isEqualTo(body));
        assertThat(p.encoding()).isEqualTo("json");
    }

    static List<Arguments> notStrictJson() {
        return List.of(
                Arguments.of("duplicate key", "{\"a\":1,\"a\":2}"),
                Arguments.of("nested duplicate", "{\"x\":{\"a\":1,\"a\":2}}"),
                Arguments.of("trailing value", "{\"a\":1} {\"b\":2}"),
                Arguments.of("trailing garbage", "{\"a\":1}x"),
                Arguments.of("form post", "payload=%7B%22a%22%3A1%7D"),
                Arguments.of("comment", "{/* c */\"a\":1}"),
                Arguments.of("single quotes", "{'a':1}"),
                Arguments.of("NaN", "{\"a\":NaN}"),
                Arguments.of("truncated", "{\"a\":[1,2"),
                Arguments.of("byte order mark", "\ufeff{\"a\":1}"),
                Arguments.of("leading NUL", "\u0000{\"a\":1}"),
                Arguments.of("empty", ""),
                Arguments.of("whitespace only", " \n "),
                Arguments.of("65 levels deep", "[".repeat(65) + "]".repeat(65)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notStrictJson")
    void utf8ThatIsNotStrictJsonIsText(String name, String body) {
        InboundPayload p = InboundPayload.of(body.getBytes(StandardCharsets.UTF_8));

        assertThat(p).isEqualTo(new InboundPayload.Text(body));
        assertThat(p.encoding()).isEqualTo("text");
        assertThat(p.tree().isMissingNode()).isTrue();
    }

    @Test
    void sixtyFourLevelsAreStillJson() {
        String body = "[".repeat(64) + "]".repeat(64);

        assertThat(InboundPayload.of(body.getBytes(StandardCharsets.UTF_8))).isInstanceOf(InboundPayload.Json.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "c0af", "eda080", "f4908080", "7b2261223a22c3"})
    void bytesThatAreNotUtf8AreBinary(String hex) {
        byte[] body = java.util.HexFormat.of().parseHex(hex);

        InboundPayload p = InboundPayload.of(body);

        assertThat(p).isInstanceOfSatisfying(InboundPayload.Binary.class, b -> assertThat(b.bytes()).isEqualTo(body));
        assertThat(p.encoding()).isEqualTo("base64");
    }

    @Test
    void jsonTreeIsAvailableForRouting() {
        byte[] body = "{\"repository\":{\"full_name\":\"a/b\"}}".getBytes(StandardCharsets.UTF_8);
        InboundPayload p = InboundPayload.of(body);

        assertThat(p.tree().path("repository").path("full_name").asText()).isEqualTo("a/b");
    }
}
