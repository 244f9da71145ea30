package io.hookgate.inbound.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as the API shows it, never with a secret. */
public record SourceView(
        @JsonProperty("id") UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @Schema(description = "Where the sender posts: POST <ingest_url>, no API key")
        @JsonProperty("ingest_url") String ingestUrl,
        @Schema(description = "null: any address may send", nullable = true)
        @JsonProperty("allow_cidrs") List<String> allowCidrs,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("hmac") Map<String, Object> hmac,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("channels") List<String> channels,
        @Schema(description = "Until when the secret before the last rotation still verifies", nullable = true)
        @JsonProperty("previous_secret_expires_at") Instant previousSecretExpiresAt,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    static SourceView of(SourceRow row, String baseUrl) {
        return new SourceView(row.id(), row.tenantId(), row.type().wire(), row.name(), ingestUrl(baseUrl, row.id()),
                row.allowCidrs(), HmacJson.toMap(row.hmac()), row.channels(), row.previousExpiresAt(),
                row.createdAt(), row.updatedAt());
    }

    static String ingestUrl(String baseUrl, UUID id) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/v1/inbound/" + id;
    }
}
