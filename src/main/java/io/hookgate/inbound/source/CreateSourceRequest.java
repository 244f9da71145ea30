package io.hookgate.inbound.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/sources}; unknown fields are rejected by the global Jackson configuration. */
public record CreateSourceRequest(
        @Schema(description = "github, gitlab, standard-webhooks, hmac or eventyay", example = "github")
        @JsonProperty("type") String type,
        @Schema(description = "1-128 characters, one line", example = "acme/widgets on GitHub")
        @JsonProperty("name") String name,
        @Schema(description = "Optional; generated when absent (43 URL-safe characters, or whsec_ for"
                + " standard-webhooks). Shown only in this response.")
        @JsonProperty("secret") String secret,
        @Schema(description = "Optional: only these address ranges may send (1-64 CIDRs); absent = any address")
        @JsonProperty("allow_cidrs") List<String> allowCidrs,
        @Schema(description = "Required for hmac sources, refused for the others")
        @JsonProperty("hmac") HmacRequest hmac,
        @Schema(description = "Required for eventyay sources (the channels its events may name), refused otherwise")
        @JsonProperty("channels") List<String> channels,
        @Schema(description = "Admin key only: the owning tenant")
        @JsonProperty("tenant_id") String tenantId) {

    /** The {@code hmac} object (webhook-queue's per-queue authentication). */
    public record HmacRequest(
            @JsonProperty("header") String header,
            @Schema(description = "sha256 or sha512") @JsonProperty("algorithm") String algorithm,
            @Schema(description = "hex or base64") @JsonProperty("encoding") String encoding,
            @JsonProperty("prefix") String prefix,
            @JsonProperty("delivery_id_header") String deliveryIdHeader) {
    }

    // A supplied secret must never reach a log line through this record.
    @Override
    public String toString() {
        return "CreateSourceRequest[type=" + type + ", name=" + name + ", secret="
                + (secret == null ? "none" : "***") + ", tenantId=" + tenantId + "]";
    }
}
