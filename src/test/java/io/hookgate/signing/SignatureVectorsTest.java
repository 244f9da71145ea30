package io.hookgate.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureVectorsTest {

    private static final StandardWebhooksSigner STANDARD = new StandardWebhooksSigner();
    private static final EventyaySigner EVENTYAY = new EventyaySigner();

    @ParameterizedTest(name = "{0}")
    @MethodSource("standardVectors")
    void standardSignatureMatchesIndependentlyComputedVector(
            String name, List<WebhookSecret> keys, String msgId, long timestamp, byte[] body, String expected) {
        assertThat(STANDARD.signatureHeader(msgId, timestamp, body, keys)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventyayVectors")
    void eventyaySignatureMatchesIndependentlyComputedVector(
            String name, WebhookSecret secret, byte[] body, String expected) {
        assertThat(EVENTYAY.header(secret, body)).isEqualTo(expected);
    }

    static Stream<Arguments> standardVectors() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode v : vectors().get("standard")) {
            List<WebhookSecret> keys = new ArrayList<>();
            v.get("secrets").forEach(s -> keys.add(WebhookSecret.parse(s.asText())));
            cases.add(Arguments.of(v.get("name").asText(), keys, v.get("msg_id").asText(),
                    v.get("timestamp").asLong(), body(v), v.get("expected").asText()));
        }
        return cases.stream();
    }

    static Stream<Arguments> eventyayVectors() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode v : vectors().get("eventyay")) {
            cases.add(Arguments.of(v.get("name").asText(), WebhookSecret.parse(v.get("secret").asText()),
                    body(v), v.get("expected").asText()));
        }
        return cases.stream();
    }

    static JsonNode vectors() throws IOException {
        try (InputStream in = SignatureVectorsTest.class.getResourceAsStream("/signing/vectors.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static byte[] body(JsonNode vector) {
        return vector.has("body_base64")
                ? Base64.getDecoder().decode(vector.get("body_base64").asText())
                : vector.get("body").asText().getBytes(StandardCharsets.UTF_8);
    }
}
