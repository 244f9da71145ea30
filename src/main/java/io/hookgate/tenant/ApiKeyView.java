package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as the admin lists it: its id and life, never the key. */
@Schema(name = "ApiKey")
public record ApiKeyView(
        @Schema(description = "Key id: the part between hg_ and the second underscore of the key")
        @JsonProperty("id") String id,
        @JsonProperty("created_at") Instant createdAt,
        @Schema(description = "Null while the key is active")
        @JsonProperty("revoked_at") Instant revokedAt,
        @Schema(description = "Last successful authentication, to the minute (hookgate.auth.last-used-interval);"
                + " null if not used yet")
        @JsonProperty("last_used_at") Instant lastUsedAt) {

    static ApiKeyView of(ApiKeyRepository.KeyRow row) {
        return new ApiKeyView(row.id(), row.createdAt(), row.revokedAt(), row.lastUsedAt());
    }
}
