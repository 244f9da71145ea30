package io.hookgate.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as the API shows it, never with a secret. {@code channels} is null when the
 * subscription follows all of the tenant's channels; {@code disabled_reason} appears only when disabled.
 */
public record SubscriptionView(
        @JsonProperty("id") UUID id,
        @JsonProperty("tenant_id") UUID tenantId,
        @Schema(enumeration = {"push", "pull"})
        @JsonProperty("mode") String mode,
        @Schema(description = "The receiver's URL; null for pull subscriptions.", nullable = true)
        @JsonProperty("url") String url,
        @JsonProperty("event_types") List<String> eventTypes,
        @JsonProperty("channels") List<String> channels,
        @JsonProperty("format") String format,
        @JsonProperty("description") String description,
        @JsonProperty("status") String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("disabled_reason") String disabledReason,
        @Schema(description = "Deliveries whose event is older than this (1s to 7d) fail as expired instead of"
                + " being retried; null retries for the whole schedule. Canonical form, e.g. \"5m\" or \"1h30m\".",
                example = "5m", nullable = true)
        @JsonProperty("expire_after") String expireAfter,
        @Schema(description = "Pull subscriptions only (absent for push ones).")
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("retention") PullRetention retention,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static SubscriptionView of(SubscriptionRow row) {
        return new SubscriptionView(row.id(), row.tenantId(), row.mode().value(), row.url(), row.eventTypes(), row.channels(),
                row.format().value(), row.description(), row.status().value(), row.disabledReason(),
                row.expireAfterSeconds() == null ? null
                        : ExpireAfter.format(java.time.Duration.ofSeconds(row.expireAfterSeconds())),
                row.isPull() ? row.retention().view() : null, row.createdAt(), row.updatedAt());
    }
}
