package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant as the API shows it. */
@Schema(name = "Tenant")
public record TenantView(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("channels") List<String> channels,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    static TenantView of(TenantRepository.TenantRow row) {
        return new TenantView(row.id(), row.name(), row.channels(), row.createdAt(), row.updatedAt());
    }
}
