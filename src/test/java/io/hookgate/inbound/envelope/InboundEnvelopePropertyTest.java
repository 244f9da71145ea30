package io.hookgate.inbound.envelope;

import static io.hookgate.inbound.envelope.InboundEnvelopeTest.RECEIVED;
import static io.hookgate.inbound.envelope.InboundEnvelopeTest.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.inbound.SourceType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever the body, the record is valid JSON and gives the exact body back. */
class InboundEnvelopePropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 1000)
    void anyBodyMakesAValidRecordThatGivesTheBodyBack(@ForAll @Size(max = 1024) byte[] body) throws Exception {
        InboundPayload payload = InboundPayload.of(body);
        InboundEnvelope envelope = new InboundEnvelope("id", "src", "t", SourceType.STANDARD_WEBHOOKS, null, null,
                RECEIVED, Map.of(), payload);

        JsonNode record = JSON.readTree(envelope.toJson());

        JsonNode p = record.get("payload");
        byte[] back = switch (record.get("payload_encoding").asText()) {
            case "json" -> ((InboundPayload.Json) payload).text().getBytes(StandardCharsets.UTF_8);
            case "text" -> p.asText().getBytes(StandardCharsets.UTF_8);
            default -> Base64.getDecoder().decode(p.asText());
        };
        assertThat(back).isEqualTo(body);
        if (payload instanceof InboundPayload.Json) {
            assertThat(p).isEqualTo(JSON.readTree(body));
        }
    }

    @Property(tries = 500)
    void anyStringBodyMakesAValidRecord(@ForAll @Size(max = 300) String text) throws Exception {
        InboundEnvelope envelope = envelope(SourceType.GITLAB, "push", "d", Map.of(), text);

        assertThat(JSON.readTree(envelope.toJson()).get("source_id").asText()).isEqualTo("src-1");
    }
}
