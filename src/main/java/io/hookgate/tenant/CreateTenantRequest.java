package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/tenants}. */
@Schema(name = "CreateTenant")
public record CreateTenantRequest(
        @Schema(required = true, maxLength = 128, example = "Wikimania chat")
        @JsonProperty("name") String name,
        @Schema(required = true, description = "Channel ids the tenant may use, or [\"*\"] for all", maxItems = 1000,
                example = "[\"9f1c2d\", \"lobby\"]")
        @JsonProperty("channels") List<String> channels) {
}
