package io.hookgate.delivery;

import io.hookgate.delivery.policy.AttemptOutcome;
import io.hookgate.delivery.policy.OutcomeClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one HTTP attempt produced: its {@link AttemptOutcome} (with Retry-After and a sanitised excerpt for an
 * answer). {@code body} is the exact payload that was sent.
 */
public record AttemptResult(Instant at, Duration latency, AttemptOutcome outcome, Optional<String> retryAfter,
        String responseExcerpt, byte[] body) {

    public static AttemptResult response(Instant at, Duration latency, int status, Optional<String> retryAfter,
            String excerpt, byte[] body) {
        return new AttemptResult(at, latency, AttemptOutcome.status(status), retryAfter, excerpt, body);
    }

    public static AttemptResult failure(Instant at, Duration latency, AttemptOutcome.ErrorKind error, byte[] body) {
        return new AttemptResult(at, latency, AttemptOutcome.error(error), Optional.empty(), null, body);
    }

    public boolean delivered() {
        return outcome.classify() == OutcomeClass.DELIVERED;
    }

    /** Whether the endpoint itself failed, which is what its breaker counts (see {@link AttemptOutcome}). */
    public boolean endpointFailure() {
        return outcome.endpointFailure();
    }

    /** The HTTP status stored in the log, or null for a transport error. */
    public Integer statusCode() {
        return outcome.statusCode();
    }

    /** The error stored in the log: the transport error, or the status for non-2xx answers. */
    public String errorCode() {
        return outcome.errorCode();
    }
}
