package io.hookgate.delivery.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the delivery log (SPEC section 5). */
public final class DeliveryViews {

    private DeliveryViews() {
    }

    public record Delivery(UUID id, @JsonProperty("event_id") String eventId,
            @JsonProperty("subscription_id") UUID subscriptionId, @JsonProperty("event_type") String eventType,
            String status, int attempts, @JsonProperty("last_status_code") Integer lastStatusCode,
            @JsonProperty("last_error") String lastError, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonProperty("delivered_at") Instant deliveredAt) {
    }

    /** The detail view: as SPEC section 5 says, here {@code attempts} is the attempt log itself. */
    public record DeliveryWithAttempts(UUID id, @JsonProperty("event_id") String eventId,
            @JsonProperty("subscription_id") UUID subscriptionId, @JsonProperty("event_type") String eventType,
            String status, List<Attempt> attempts, @JsonProperty("last_status_code") Integer lastStatusCode,
            @JsonProperty("last_error") String lastError, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonProperty("delivered_at") Instant deliveredAt) {

        static DeliveryWithAttempts of(Delivery d, List<Attempt> log) {
            return new DeliveryWithAttempts(d.id(), d.eventId(), d.subscriptionId(), d.eventType(), d.status(),
                    log, d.lastStatusCode(), d.lastError(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt());
        }
    }

    public record Attempt(int n, Instant at, @JsonProperty("status_code") Integer statusCode,
            @JsonProperty("latency_ms") int latencyMs, String error,
            @JsonProperty("response_excerpt") String responseExcerpt) {
    }

    public record RecoverRequest(Instant since, Instant until) {
    }

    public record Requeued(int requeued) {
    }

    /** What a ping did: a signed webhook.ping delivery, or (eventyay) the challenge handshake. */
    public sealed interface Ping permits PingAccepted, HandshakeResult {
    }

    public record PingAccepted(@JsonProperty("delivery_id") UUID deliveryId) implements Ping {
    }

    /** {@code result} is {@code passed} or {@code failed}; {@code reason} is a SPEC section 6 code when failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HandshakeResult(String result, String reason) implements Ping {

        public static HandshakeResult passed() {
            return new HandshakeResult("passed", null);
        }

        public static HandshakeResult failed(String reason) {
            return new HandshakeResult("failed", reason);
        }
    }
}
