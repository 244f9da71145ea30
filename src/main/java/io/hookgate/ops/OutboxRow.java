package io.hookgate.ops;

import java.time.Instant;
import java.util.UUID;

/** One claimed outbox row (see V4__outbox.sql). */
public record OutboxRow(long id, String kind, UUID subscriptionId, UUID tenantId, UUID deliveryId, String operation,
        String detail, Instant createdAt, int attempts, int recordFailures) {

    /** Kind of a dead letter for webhook.deliveries.dlq. */
    public static final String DEAD_LETTER = "dead_letter";
    /** Kind of an operational event for hookgate.operations. */
    public static final String OPERATION = "operation";
}
