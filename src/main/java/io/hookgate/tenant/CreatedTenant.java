package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer to {@code POST /v1/tenants}: the only time the first API key is shown. */
@Schema(name = "CreatedTenant")
public record CreatedTenant(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("channels") List<String> channels,
        @Schema(description = "The tenant's first API key; shown only in this response")
        @JsonProperty("api_key") String apiKey,
        @JsonProperty("created_at") Instant createdAt) {
}
