package io.hookgate.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/subscriptions}; unknown fields are rejected by the global Jackson configuration. */
public record CreateSubscriptionRequest(
        @Schema(description = "\"push\" (default): deliveries are POSTed to url. \"pull\": no url and no handshake;"
                + " clients read the messages with GET /v1/subscriptions/{id}/messages or /stream.",
                enumeration = {"push", "pull"})
        @JsonProperty("mode") String mode,
        @Schema(description = "Required for push subscriptions; must be absent for pull ones.")
        @JsonProperty("url") String url,
        @JsonProperty("event_types") List<String> eventTypes,
        @JsonProperty("channels") List<String> channels,
        @JsonProperty("format") String format,
        @JsonProperty("secret") String secret,
        @JsonProperty("description") String description,
        @Schema(description = "Optional. Deliveries whose event is older than this fail as expired instead of being"
                + " retried: 1s to 7d, as \"30s\", \"5m\", \"1h30m\", \"7d\" or ISO-8601 (\"PT5M\")."
                + " eventyay receivers reject events older than 5 minutes: use \"5m\" for them.", example = "5m")
        @JsonProperty("expire_after") String expireAfter,
        @JsonProperty("tenant_id") String tenantId,
        @Schema(description = "Pull subscriptions only: how many messages are kept.")
        @JsonProperty("retention") PullRetention retention) {

    // A supplied secret must never reach a log line through this record.
    @Override
    public String toString() {
        return "CreateSubscriptionRequest[mode=" + mode + ", url=<redacted>, retention=" + retention + ", eventTypes=" + eventTypes + ", channels=" + channels
                + ", format=" + format + ", expireAfter=" + expireAfter + ", secret="
                + (secret == null ? "none" : "***") + ", tenantId="
                + tenantId + "]";
    }
}
