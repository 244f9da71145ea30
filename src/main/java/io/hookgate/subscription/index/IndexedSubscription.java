package io.hookgate.subscription.index;

import io.hookgate.subscription.SubscriptionMode;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What fan-out needs to know about one active subscription; {@code mode} says where its matches go. */
public record IndexedSubscription(UUID id, UUID tenantId, Set<String> eventTypes, Instant createdAt,
        SubscriptionMode mode) {

    /** True for a pull subscription: its matches become pull messages, never deliveries. */
    public boolean pull() {
        return mode == SubscriptionMode.PULL;
    }

    /** True when this subscription wants an event of this type recorded at this instant. */
    boolean wants(String eventType, Instant recordedAt) {
        return eventTypes.contains(eventType) && !createdAt.isAfter(recordedAt);
    }
}
