package io.hookgate.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

    /**
     * The stored event: its exact text and the producer's timestamp text. One instance is shared by all
     * deliveries of an event from the same batch, so each body format is rendered once, not per delivery.
     */
    public static final class Event {

        private final String occurredAtText;
        private final String payload;
        private final Map<String, byte[]> bodies = new ConcurrentHashMap<>(2);

        public Event(String occurredAtText, String payload) {
            this.occurredAtText = occurredAtText;
            this.payload = payload;
        }

        public String occurredAtText() {
            return occurredAtText;
        }

        public String payload() {
            return payload;
        }

        /** The body in this format, rendered on first use; callers must not modify the returned bytes. */
        public byte[] body(String format, Function<Event, byte[]> render) {
            return bodies.computeIfAbsent(format, f -> render.apply(this));
        }
    }
}
