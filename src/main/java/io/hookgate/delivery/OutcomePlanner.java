package io.hookgate.delivery;

import io.hookgate.delivery.policy.AttemptOutcome;
import io.hookgate.delivery.policy.DeliveryOutcome;
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
        if (r.delivered()) {
            return new Completion(d, r, "delivered", null, DeliveryOutcome.DELIVERED, false);
        }
        DeliveryOutcome failedOutcome = failedOutcome(r);
        if (r.gone()) {
            return new Completion(d, r, "failed", null, failedOutcome, true);
        }
        Instant now = clock.instant();
        Optional<Duration> retryAfter = r.retryAfter().flatMap(v -> RetryAfter.parse(v, now));
        RetryDecision decision = policy.next(d.cycleAttempts() + 1, outcome(r), retryAfter, now);
        if (decision instanceof RetryDecision.RetryAt at) {
            DeliveryOutcome retried = failedOutcome == DeliveryOutcome.FAILED ? DeliveryOutcome.RETRY : failedOutcome;
            return new Completion(d, r, "pending", d.capAtExpiry(at.at()), retried, false);
        }
        return new Completion(d, r, "failed", null, failedOutcome, false);
    }

    /** Egress denials and DNS failures keep their own label whether retried or final. */
    private static DeliveryOutcome failedOutcome(AttemptResult r) {
        if ("egress_denied".equals(r.error())) {
            return DeliveryOutcome.EGRESS_DENIED;
        }
        return "dns_failure".equals(r.error()) ? DeliveryOutcome.DNS_FAILURE : DeliveryOutcome.FAILED;
    }

    private static AttemptOutcome outcome(AttemptResult r) {
        if (r.statusCode() != null) {
            return AttemptOutcome.status(r.statusCode());
        }
        return AttemptOutcome.error(switch (r.error()) {
            case "timeout" -> AttemptOutcome.ErrorKind.TIMEOUT;
            case "tls_error" -> AttemptOutcome.ErrorKind.TLS;
            case "dns_failure" -> AttemptOutcome.ErrorKind.DNS;
            case "egress_denied" -> AttemptOutcome.ErrorKind.EGRESS_DENIED;
            default -> AttemptOutcome.ErrorKind.CONNECT;
        });
    }
}
