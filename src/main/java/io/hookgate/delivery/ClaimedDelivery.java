package io.hookgate.delivery;

import io.hookgate.subscription.SubscriptionFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A due delivery this replica has leased, with everything needed to attempt it. {@code dueAt} is when the row
 * was due before it was leased: a row handed back unattempted keeps that place in the queue.
 */
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
        Instant dueAt,
        Instant leaseExpiresAt,
        Subscription subscription,
        Event event) {

    /**
     * The subscription as of the claim. Secrets stay sealed until the moment of signing. {@code expireAfter} is
     * null when the subscription lets its deliveries retry for the whole schedule.
     */
    public record Subscription(String url, SubscriptionFormat format, String status, int secretKeyVersion,
            byte[] secretCiphertext, Integer previousKeyVersion, byte[] previousCiphertext,
            Instant previousExpiresAt, Instant failingSince, Duration expireAfter) {

        public boolean active() {
            return "active".equals(status);
        }
    }

    /**
     * When this delivery stops being worth attempting (SPEC §3 {@code expire_after}): the event's age counts from
     * its timestamp, or from the Kafka record time when that is later; null without {@code expire_after}.
     */
    public Instant expiresAt() {
        Duration window = subscription.expireAfter();
        if (window == null) {
            return null;
        }
        Instant occurred = event.occurredAt();
        Instant base = occurred == null || (sourceAt != null && sourceAt.isAfter(occurred)) ? sourceAt : occurred;
        return base == null ? null : base.plus(window);
    }

    /** Whether the delivery has outlived its subscription's {@code expire_after} at {@code now}. */
    public boolean expiredAt(Instant now) {
        Instant expiresAt = expiresAt();
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** What this row holds in memory while it waits in a lane, as payload characters (0 without a payload). */
    public long payloadChars() {
        return event.payload() == null ? 0 : event.payload().length();
    }

    /** {@code at}, or the expiry if that comes first: nothing is worth scheduling past it. */
    public Instant capAtExpiry(Instant at) {
        Instant expiresAt = expiresAt();
        return expiresAt != null && expiresAt.isBefore(at) ? expiresAt : at;
    }

    /**
     * The stored event: its exact text and the producer's timestamp text. One instance is shared by all
     * deliveries of an event from the same batch, so each body format is rendered once, not per delivery.
     */
    public static final class Event {

        private final String occurredAtText;
        private final String payload;
        private final Map<SubscriptionFormat, byte[]> bodies = new ConcurrentHashMap<>(2);
        private volatile Instant occurredAt;

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

        /** The event timestamp (validated as ISO-8601 with offset at intake); null if it cannot be read. */
        public Instant occurredAt() {
            Instant at = occurredAt;
            if (at == null && occurredAtText != null) {
                try {
                    at = OffsetDateTime.parse(occurredAtText).toInstant();
                    occurredAt = at;
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            return at;
        }

        /** The body in this format, rendered on first use; callers must not modify the returned bytes. */
        public byte[] body(SubscriptionFormat format, Function<Event, byte[]> render) {
            return bodies.computeIfAbsent(format, f -> render.apply(this));
        }
    }
}
