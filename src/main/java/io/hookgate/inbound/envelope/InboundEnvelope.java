package io.hookgate.inbound.envelope;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hookgate.api.StrictJson;
import io.hookgate.inbound.SourceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code inbound.events} record value (contract section 12), keyed by source id:
 * {@code {id, source_id, tenant_id, source_type, event, delivery_id, received_at, headers, payload,
 * payload_encoding}}. {@code payload} is the body verbatim when it is strict JSON, else a JSON string (the text, or
 * base64 for non-UTF-8 bytes); {@code payload_encoding} says which ({@code json}, {@code text}, {@code base64}).
 *
 * @param event the normalised event name, or null (hmac sources, standard-webhooks bodies without a type)
 * @param deliveryId the sender's delivery id, or null
 * @param headers the allowlisted headers ({@link HeaderAllowlist})
 */
public record InboundEnvelope(String id, String sourceId, String tenantId, SourceType sourceType, String event,
        String deliveryId, Instant receivedAt, Map<String, String> headers, InboundPayload payload) {

    public InboundEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(receivedAt, "receivedAt");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(payload, "payload");
    }

    /** The record value as compact UTF-8 JSON. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payloadSizeHint());
        try (JsonGenerator g = StrictJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("source_id", sourceId);
            g.writeStringField("tenant_id", tenantId);
            g.writeStringField("source_type", sourceType.wire());
            g.writeStringField("event", event);
            g.writeStringField("delivery_id", deliveryId);
            g.writeStringField("received_at", receivedAt.toString());
            writeHeaders(g);
            g.writeFieldName("payload");
            writePayload(g);
            g.writeStringField("payload_encoding", payload.encoding());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("an envelope is always serialisable", e);
        }
        return out.toByteArray();
    }

    private void writeHeaders(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("headers");
        // sorted, so the record is the same however the map was built
        for (String name : headers.keySet().stream().sorted().toList()) {
            g.writeStringField(name, headers.get(name));
        }
        g.writeEndObject();
    }

    private void writePayload(JsonGenerator g) throws IOException {
        if (payload instanceof InboundPayload.Json json) {
            // verbatim: numbers, key order and escapes exactly as the sender wrote them
            g.writeRawValue(json.text());
        } else if (payload instanceof InboundPayload.Text text) {
            g.writeString(text.text());
        } else if (payload instanceof InboundPayload.Binary binary) {
            g.writeString(Base64.getEncoder().encodeToString(binary.bytes()));
        }
    }

    private int payloadSizeHint() {
        return payload instanceof InboundPayload.Json json ? json.text().length() : 64;
    }
}
