package io.hookgate.inbound.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.verify.InboundHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant RECEIVED = Instant.parse("2026-03-02T12:00:00.250Z");

    @Test
    void recordHasTheContractFieldsWithTheBodyVerbatim() throws Exception {
        String body = "{\"zen\" : \"Keep it logically awesome.\", \"n\": 1.50, "
                + "\"big\": 123456789012345678901234567890}";
        InboundEnvelope envelope = envelope(SourceType.GITHUB, "push", "d-1", Map.of("x-github-event", "push"), body);

        byte[] json = envelope.toJson();
        JsonNode record = JSON.readTree(json);

        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "source_id", "tenant_id", "source_type", "event", "delivery_id",
                "received_at", "headers", "payload", "payload_encoding");
        assertThat(record.get("source_type").asText()).isEqualTo("github");
        assertThat(record.get("received_at").asText()).isEqualTo("2026-03-02T12:00:00.250Z");
        assertThat(record.get("payload_encoding").asText()).isEqualTo("json");
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"payload\":" + body + ",");
        assertThat(record.get("headers")).isEqualTo(JSON.readTree("{\"x-github-event\":\"push\"}"));
    }

    @Test
    void missingEventAndDeliveryIdAreNulls() throws Exception {
        JsonNode record = JSON.readTree(envelope(SourceType.HMAC, null, null, Map.of(), "{}").toJson());

        assertThat(record.get("event").isNull()).isTrue();
        assertThat(record.get("delivery_id").isNull()).isTrue();
    }

    @Test
    void textBodyIsAJsonString() throws Exception {
        String body = "payload=a%20b&x=\"quoted\"\n";
        JsonNode record = JSON.readTree(envelope(SourceType.HMAC, null, "q-1", Map.of(), body).toJson());

        assertThat(record.get("payload").asText()).isEqualTo(body);
        assertThat(record.get("payload_encoding").asText()).isEqualTo("text");
    }

    @Test
    void nonUtf8BodyIsBase64() throws Exception {
        byte[] body = {(byte) 0xff, 0x00, (byte) 0xc3};
        InboundEnvelope envelope = new InboundEnvelope("id", "src", "t", SourceType.HMAC, null, null, RECEIVED,
                Map.of(), InboundPayload.of(body));

        JsonNode record = JSON.readTree(envelope.toJson());

        assertThat(Base64.getDecoder().decode(record.get("payload").asText())).isEqualTo(body);
        assertThat(record.get("payload_encoding").asText()).isEqualTo("base64");
    }

    @Test
    void headersOfTheAllowlistOnlyAndNeverASecret() {
        InboundHeaders headers = InboundHeaders.of("Content-Type", "application/json", "User-Agent", "GitLab/17.4.0",
                "X-Gitlab-Token", "the-secret-token", "X-Gitlab-Event", "Push Hook", "Idempotency-Key", "k-1",
                "X-Gitlab-Event-UUID", "u-1", "X-Gitlab-Instance", "https://gitlab.example.com", "Cookie", "c=1",
                "Authorization", "Bearer x", "X-Forwarded-For", "10.0.0.1");

        Map<String, String> kept = HeaderAllowlist.select(SourceType.GITLAB, Optional.empty(), headers);

        assertThat(kept).containsOnlyKeys("content-type", "user-agent", "x-gitlab-event", "idempotency-key",
                "x-gitlab-event-uuid", "x-gitlab-instance");
        assertThat(kept.values()).doesNotContain("the-secret-token");
    }

    @Test
    void signatureHeadersAreNeverKept() {
        for (SourceType type : SourceType.values()) {
            assertThat(HeaderAllowlist.names(type, Optional.of("X-Queue-Delivery"))).doesNotContain(
                    "x-hub-signature-256", "x-hub-signature", "x-gitlab-token", "webhook-signature",
                    "x-eventyay-signature", "authorization", "cookie");
        }
    }

    @Test
    void hmacSourcesKeepTheirConfiguredDeliveryIdHeader() {
        InboundHeaders headers = InboundHeaders.of("X-Queue-Delivery", "q-17", "X-Queue-Signature", "sig");

        assertThat(HeaderAllowlist.select(SourceType.HMAC, Optional.of("X-Queue-Delivery"), headers))
                .isEqualTo(Map.of("x-queue-delivery", "q-17"));
    }

    @Test
    void keptValuesArePrintableAsciiAndBounded() {
        InboundHeaders headers = InboundHeaders.of("X-GitHub-Event", "pu\u0000sh\u00e9", "User-Agent",
                "x".repeat(1000), "X-GitHub-Delivery", "\u0007");

        Map<String, String> kept = HeaderAllowlist.select(SourceType.GITHUB, Optional.empty(), headers);

        assertThat(kept).containsEntry("x-github-event", "push").doesNotContainKey("x-github-delivery");
        assertThat(kept.get("user-agent")).hasSize(HeaderAllowlist.MAX_VALUE_CHARS);
    }

    static InboundEnvelope envelope(SourceType type, String event, String delivery, Map<String, String> headers,
            String body) {
        return new InboundEnvelope("rec-1", "src-1", "tenant-1", type, event, delivery, RECEIVED, headers,
                InboundPayload.of(body.getBytes(StandardCharsets.UTF_8)));
    }
}
