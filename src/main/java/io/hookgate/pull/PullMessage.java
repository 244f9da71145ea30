package io.hookgate.pull;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One pulled message (SPEC 11): the three Standard Webhooks header values and the exact body they sign, so a client
 * verifies it with an official library as if it had been pushed.
 */
public record PullMessage(
        @Schema(description = "Opaque position of this message; pass it as after, Last-Event-ID or a consumer cursor.")
        @JsonProperty("cursor") String cursor,
        @Schema(description = "The webhook-id: the event id, the same on every read and for push subscriptions.")
        @JsonProperty("webhook_id") String webhookId,
        @Schema(description = "The webhook-timestamp header value: unix seconds of this read, as a string.")
        @JsonProperty("webhook_timestamp") String webhookTimestamp,
        @Schema(description = "The webhook-signature header value over webhook_id, webhook_timestamp and body,"
                + " with the subscription's current secret (and the previous one during a rotation overlap).")
        @JsonProperty("webhook_signature") String webhookSignature,
        @JsonProperty("event_type") String eventType,
        @Schema(description = "The exact string that webhook_signature signs, as push would POST it for the"
                + " subscription's format.")
        @JsonProperty("body") String body) {
}
