package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An active key of the caller's own tenant: {@code {id, created_at, last_used_at?}}, never the key. */
@Schema(name = "OwnApiKey")
public record OwnApiKeyView(
        @Schema(description = "Key id: the part between hg_ and the second underscore of the key",
                example = "k3j5m7n2p4q6r8s2")
        @JsonProperty("id") String id,
        @JsonProperty("created_at") Instant createdAt,
        @Schema(description = "Last successful authentication, written at most once per"
                + " hookgate.auth.last-used-interval (default 1 minute); absent if not used yet")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonProperty("last_used_at") Instant lastUsedAt) {

    static OwnApiKeyView of(ApiKeyRepository.KeyRow row) {
        return new OwnApiKeyView(row.id(), row.createdAt(), row.lastUsedAt());
    }
}
