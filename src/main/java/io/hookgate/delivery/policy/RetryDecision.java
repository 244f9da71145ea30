package io.hookgate.delivery.policy;

import java.time.Instant;

/** Result of {@link RetryPolicy#next}: try again at an instant, or give up. */
public sealed interface RetryDecision {

    /** Schedule the next attempt at {@code at}. */
    record RetryAt(Instant at) implements RetryDecision {
        public RetryAt {
            if (at == null) {
                throw new IllegalArgumentException("at is required");
            }
        }
    }

    /** No attempts left (or the outcome is final): mark the delivery failed and dead-letter it. */
    record Exhausted() implements RetryDecision {
    }
}
