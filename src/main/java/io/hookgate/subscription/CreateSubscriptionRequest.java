package io.hookgate.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/subscriptions}; unknown fields are rejected by the global Jackson configuration. */
public record CreateSubscriptionRequest(
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
        @JsonProperty("tenant_id") String tenantId) {

    // A supplied secret must never reach a log line through this record.
    @Override
    public String toString() {
        return "CreateSubscriptionRequest[url=<redacted>, eventTypes=" + eventTypes + ", channels=" + channels
                + ", format=" + format + ", expireAfter=" + expireAfter + ", secret="
                + (secret == null ? "none" : "***") + ", tenantId="
                + tenantId + "]";
    }
}
