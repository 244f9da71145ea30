package io.hookgate.subscription.index;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What fan-out needs to know about one active subscription. */
public record IndexedSubscription(UUID id, UUID tenantId, Set<String> eventTypes, Instant createdAt) {

    /** True when this subscription wants an event of this type recorded at this instant. */
    boolean wants(String eventType, Instant recordedAt) {
        return eventTypes.contains(eventType) && !createdAt.isAfter(recordedAt);
    }
}
