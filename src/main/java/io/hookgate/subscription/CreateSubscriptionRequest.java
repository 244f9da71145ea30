package io.hookgate.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /v1/subscriptions}; unknown fields are rejected by the global Jackson configuration. */
public record CreateSubscriptionRequest(
        @JsonProperty("url") String url,
        @JsonProperty("event_types") List<String> eventTypes,
        @JsonProperty("channels") List<String> channels,
        @JsonProperty("format") String format,
        @JsonProperty("secret") String secret,
        @JsonProperty("description") String description,
        @JsonProperty("tenant_id") String tenantId) {

    // A supplied secret must never reach a log line through this record.
    @Override
    public String toString() {
        return "CreateSubscriptionRequest[url=<redacted>, eventTypes=" + eventTypes + ", channels=" + channels
                + ", format=" + format + ", secret=" + (secret == null ? "none" : "***") + ", tenantId="
                + tenantId + "]";
    }
}
