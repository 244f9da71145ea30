package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as listed: its id and life, never the key. */
@Schema(name = "ApiKey")
public record ApiKeyView(
        @Schema(description = "Key id: the part between hg_ and the second underscore of the key")
        @JsonProperty("id") String id,
        @JsonProperty("created_at") Instant createdAt,
        @Schema(description = "Null while the key is active")
        @JsonProperty("revoked_at") Instant revokedAt) {

    static ApiKeyView of(ApiKeyRepository.KeyRow row) {
        return new ApiKeyView(row.id(), row.createdAt(), row.revokedAt());
    }
}
