package io.hookgate.ops;

import java.time.Duration;

/** When a failed outbox row is tried again, and when it is parked instead (pure, table-tested). */
public final class OutboxPolicy {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    static final int MAX_ERROR_CHARS = 512;

    private OutboxPolicy() {
    }

    /**
     * The row's next step: doubling delays from 1 s up to 1 min (an outage of any length is waited out, and the
     * row goes out within a minute of the broker's return); parked once {@code maxAttempts} sends failed for the
     * record itself.
     */
    public static OutboxRepository.Failure afterFailure(OutboxRow row, OutboxResult.Failed failure, int maxAttempts) {
        boolean park = failure.recordProblem() && row.recordFailures() + 1 >= maxAttempts;
        return new OutboxRepository.Failure(row.id(), delay(row.attempts() + 1), failure.recordProblem(),
                truncate(failure.error()), park);
    }

    static Duration delay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 16);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS);
    }
}
