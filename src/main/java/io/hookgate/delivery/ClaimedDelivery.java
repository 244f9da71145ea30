package io.hookgate.delivery;

import java.time.Instant;
import java.util.UUID;

/** A due delivery this replica has leased, with everything needed to attempt it. */
public record ClaimedDelivery(
        UUID id,
        String eventId,
        UUID subscriptionId,
        UUID tenantId,
        String eventType,
        int attempts,
        int cycleAttempts,
        Instant sourceAt,
        Instant firstAttemptAt,
        Instant leaseExpiresAt,
        Subscription subscription,
        Event event) {

    /** The subscription as of the claim. Secrets stay sealed until the moment of signing. */
    public record Subscription(String url, String format, String status, int secretKeyVersion,
            byte[] secretCiphertext, Integer previousKeyVersion, byte[] previousCiphertext,
            Instant previousExpiresAt, Instant failingSince) {

        public boolean active() {
            return "active".equals(status);
        }
    }

    /** The stored event: its exact bytes and the producer's timestamp text. */
    public record Event(String occurredAtText, String payload) {
    }
}
