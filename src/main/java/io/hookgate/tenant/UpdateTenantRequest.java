package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /v1/tenants/{id}}: absent fields keep their value; null is not a value. */
@Schema(name = "UpdateTenant")
public record UpdateTenantRequest(
        @Schema(maxLength = 128, example = "Wikimania 2026 chat")
        @JsonProperty("name") @JsonSetter(nulls = Nulls.FAIL) String name,
        @Schema(description = "Replaces the channel list; [\"*\"] for all", maxItems = 1000, example = "[\"*\"]")
        @JsonProperty("channels") @JsonSetter(nulls = Nulls.FAIL) List<String> channels) {
}
