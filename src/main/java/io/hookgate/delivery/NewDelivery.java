package io.hookgate.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery row the intake is about to store. When {@code leased}, it is stored already leased to this
 * replica and handed straight to the lanes; otherwise it is left for the next claim round.
 */
public record NewDelivery(String eventId, UUID subscriptionId, UUID tenantId, String eventType, Instant sourceAt,
        ClaimedDelivery.Event event, boolean leased) {
}
