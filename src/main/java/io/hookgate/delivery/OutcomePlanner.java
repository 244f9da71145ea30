package io.hookgate.delivery;

import io.hookgate.delivery.policy.AttemptOutcome;
import io.hookgate.delivery.policy.DeliveryOutcome;
import io.hookgate.delivery.policy.DeliveryStatus;
import io.hookgate.delivery.policy.OutcomeClass;
import io.hookgate.delivery.policy.RetryAfter;
import io.hookgate.delivery.policy.RetryDecision;
import io.hookgate.delivery.policy.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies SPEC section 3 to an attempt: delivered, retry at a time, or failed (exhausted or 410). A retry that
 * would come after the subscription's {@code expire_after} is due at the expiry instead, where the lanes fail it
 * as {@code expired} without an attempt.
 */
@ApplicationScoped
public class OutcomePlanner {

    private final RetryPolicy policy;
    private final Clock clock;

    public OutcomePlanner(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public Completion plan(ClaimedDelivery d, AttemptResult r) {
        AttemptOutcome outcome = r.outcome();
        OutcomeClass kind = outcome.classify();
        if (kind == OutcomeClass.DELIVERED) {
            return new Completion(d, r, DeliveryStatus.DELIVERED, null, DeliveryOutcome.DELIVERED, false);
        }
        DeliveryOutcome failedOutcome = failedOutcome(outcome);
        if (kind == OutcomeClass.GONE) {
            return new Completion(d, r, DeliveryStatus.FAILED, null, failedOutcome, true);
        }
        Instant now = clock.instant();
        Optional<Duration> retryAfter = r.retryAfter().flatMap(v -> RetryAfter.parse(v, now));
        RetryDecision decision = policy.next(d.cycleAttempts() + 1, outcome, retryAfter, now);
        if (decision instanceof RetryDecision.RetryAt at) {
            DeliveryOutcome retried = failedOutcome == DeliveryOutcome.FAILED ? DeliveryOutcome.RETRY : failedOutcome;
            return new Completion(d, r, DeliveryStatus.PENDING, d.capAtExpiry(at.at()), retried, false);
        }
        return new Completion(d, r, DeliveryStatus.FAILED, null, failedOutcome, false);
    }

    /** Egress denials and DNS failures keep their own label whether retried or final. */
    private static DeliveryOutcome failedOutcome(AttemptOutcome outcome) {
        if (outcome instanceof AttemptOutcome.Error e) {
            return switch (e.kind()) {
                case EGRESS_DENIED -> DeliveryOutcome.EGRESS_DENIED;
                case DNS_FAILURE -> DeliveryOutcome.DNS_FAILURE;
                default -> DeliveryOutcome.FAILED;
            };
        }
        return DeliveryOutcome.FAILED;
    }
}
