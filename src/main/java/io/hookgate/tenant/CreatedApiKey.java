package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer to {@code POST /v1/tenants/{id}/api-keys}: the only time the key is shown. */
@Schema(name = "CreatedApiKey")
public record CreatedApiKey(
        @JsonProperty("id") String id,
        @Schema(description = "The new API key; shown only in this response")
        @JsonProperty("api_key") String apiKey,
        @JsonProperty("created_at") Instant createdAt) {
}
