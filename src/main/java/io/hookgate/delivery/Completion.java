package io.hookgate.delivery;

import io.hookgate.delivery.policy.DeliveryOutcome;
import java.time.Instant;

/**
 * The decided result of one attempt: the delivery's new state and what else must happen.
 * {@code outcome} is the metric label.
 */
public record Completion(ClaimedDelivery delivery, AttemptResult attempt, String status, Instant nextAttemptAt,
        DeliveryOutcome outcome, boolean disableGone) {

    public int attemptNumber() {
        return delivery.attempts() + 1;
    }

    public boolean delivered() {
        return "delivered".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status);
    }
}
