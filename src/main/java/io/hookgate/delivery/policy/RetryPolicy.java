package io.hookgate.delivery.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again (SPEC §3 Retries). Pure and thread-safe if the random source is.
 *
 * <p>After attempt {@code k} of a cycle (1-based), with {@code base = schedule[k-1]}:
 * <ol>
 *   <li>{@code k > schedule.size()} or outcome GONE: {@link RetryDecision.Exhausted}; so a cycle has
 *       at most {@code 1 + schedule.size()} attempts.</li>
 *   <li>Without Retry-After: {@code delay = base × (1 + u)}, u uniform in [-jitter, +jitter].</li>
 *   <li>With Retry-After: {@code delay = clamp(retryAfter, base, 2 × base)}, not jittered.</li>
 *   <li>Overload (timeout, 429, 503): {@code delay = max(delay, overloadFloor)}. The floor is applied
 *       last so that it always holds, even above {@code 2 × base} for short scheduled delays.</li>
 * </ol>
 * The next attempt is due at {@code now + delay}.
 */
public final class RetryPolicy {

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration overloadFloor;
    private final DoubleSupplier unitRandom;

    /**
     * @param schedule      delays before retries 1..n, all positive
     * @param jitter        relative jitter in [0, 1)
     * @param overloadFloor least delay after an overload outcome
     * @param unitRandom    uniform values in [0, 1); 0.5 means no jitter
     */
    public RetryPolicy(List<Duration> schedule, double jitter, Duration overloadFloor, DoubleSupplier unitRandom) {
        if (schedule.isEmpty() || schedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("schedule must be non-empty and positive");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        if (overloadFloor.isNegative()) {
            throw new IllegalArgumentException("overloadFloor must not be negative");
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.overloadFloor = overloadFloor;
        this.unitRandom = unitRandom;
    }

    /** A policy using {@link ThreadLocalRandom} for jitter. */
    public static RetryPolicy of(List<Duration> schedule, double jitter, Duration overloadFloor) {
        return new RetryPolicy(schedule, jitter, overloadFloor, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Most attempts in one cycle: the first attempt plus one per scheduled delay. */
    public int maxAttempts() {
        return schedule.size() + 1;
    }

    /**
     * Decides what follows a failed attempt.
     *
     * @param attemptsSoFarInCycle attempts made in this cycle, including the one that just failed (>= 1)
     * @param outcome              the failed attempt's outcome; must not be DELIVERED
     * @param retryAfter           the parsed Retry-After header, if the receiver sent one
     * @param now                  when the attempt finished
     */
    public RetryDecision next(int attemptsSoFarInCycle, AttemptOutcome outcome, Optional<Duration> retryAfter,
            Instant now) {
        if (attemptsSoFarInCycle < 1) {
            throw new IllegalArgumentException("attemptsSoFarInCycle must be at least 1");
        }
        OutcomeClass kind = outcome.classify();
        if (kind == OutcomeClass.DELIVERED) {
            throw new IllegalArgumentException("a delivered attempt is not retried");
        }
        if (kind == OutcomeClass.GONE || attemptsSoFarInCycle > schedule.size()) {
            return new RetryDecision.Exhausted();
        }
        Duration base = schedule.get(attemptsSoFarInCycle - 1);
        Duration delay = retryAfter.map(ra -> clamp(ra, base, base.multipliedBy(2))).orElseGet(() -> jittered(base));
        if (outcome.isOverload() && delay.compareTo(overloadFloor) < 0) {
            delay = overloadFloor;
        }
        return new RetryDecision.RetryAt(now.plus(delay));
    }

    private Duration jittered(Duration base) {
        double unit = Math.min(1.0, Math.max(0.0, unitRandom.getAsDouble()));
        double factor = 1 + jitter * (2 * unit - 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0) {
            return min;
        }
        return value.compareTo(max) > 0 ? max : value;
    }
}
