package io.hookgate.inbound.ingest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.support.Kafka;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Sends signed requests to the ingest endpoint and reads what it produced, by record key. */
final class Ingest {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Ingest() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = Ingest.class.getResourceAsStream("/inbound/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hmacHex(String algorithm, String secret, byte[] body) {
        return HexFormat.of().formatHex(mac(algorithm, secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static byte[] mac(String algorithm, byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse post(String path, Map<String, String> headers, byte[] body) {
        return given().headers(headers).contentType("application/json").body(body).post(path).then();
    }

    /** GitHub's headers for {@code body} signed with {@code secret}. */
    static Map<String, String> github(String secret, String event, String delivery, byte[] body) {
        return Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", delivery,
                "X-Hub-Signature-256", "sha256=" + hmacHex("HmacSHA256", secret, body),
                "User-Agent", "GitHub-Hookshot/abc123");
    }

    /** Every record with this key, read until {@code done} holds for them or the wait ends. */
    static List<ConsumerRecord<byte[], byte[]>> byKey(String topic, String key,
            java.util.function.Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        return Kafka.readUntil(topic, read -> done.test(keyed(read, key)), WAIT).stream()
                .filter(r -> r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
    }

    static List<ConsumerRecord<byte[], byte[]>> keyed(List<ConsumerRecord<byte[], byte[]>> read, String key) {
        return read.stream().filter(r -> r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .toList();
    }

    /** Reads until a record of {@code key} whose JSON has {@code field} equal to {@code value} is there. */
    static List<JsonNode> until(String topic, String key, String field, String value) {
        return byKey(topic, key, rs -> rs.stream().anyMatch(r -> value.equals(json(r).path(field).asText())))
                .stream().map(Ingest::json).toList();
    }

    static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
