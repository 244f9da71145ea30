package io.hookgate.delivery;

import io.hookgate.delivery.policy.DeliveryOutcome;
import io.hookgate.delivery.policy.DeliveryStatus;
import java.time.Instant;

/**
 * The decided result of one attempt: the delivery's new state and what else must happen.
 * {@code outcome} is the metric label.
 */
public record Completion(ClaimedDelivery delivery, AttemptResult attempt, DeliveryStatus status,
        Instant nextAttemptAt, DeliveryOutcome outcome, boolean disableGone) {

    public int attemptNumber() {
        return delivery.attempts() + 1;
    }

    public boolean delivered() {
        return status == DeliveryStatus.DELIVERED;
    }

    public boolean failed() {
        return status == DeliveryStatus.FAILED;
    }
}
