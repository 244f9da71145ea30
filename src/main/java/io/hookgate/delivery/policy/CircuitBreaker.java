package io.hookgate.delivery.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Circuit breaker for one endpoint (SPEC §3 Isolation). CLOSED counts outcomes in a sliding window of
 * {@value #BUCKETS} time buckets (O(1) memory); it opens once the window holds at least
 * {@code minimumRequests} outcomes of which at least {@code failureRatio} failed, or after
 * {@code consecutiveFailures} failures in a row (a busy endpoint that goes down would otherwise need
 * thousands of failures to outweigh the successes still in its window). OPEN denies
 * everything for {@code openFor}; then HALF_OPEN grants exactly one probe: success closes the breaker
 * with an empty window, failure opens it again. A probe that never reports back is replaced after
 * {@code openFor}, so a lost result cannot wedge the endpoint.
 *
 * <p>Results reported while OPEN are ignored: they belong to requests started before the trip.
 * Methods are {@code synchronized}: each breaker guards one endpoint, so the lock is cheap and
 * almost never contended.
 */
public final class CircuitBreaker {

    /** Breaker states. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** What reporting an outcome did to the breaker. */
    public enum Transition {
        NONE,
        /** It opened: requests are refused until {@link #openUntil()}. A success can do this too. */
        OPENED,
        /** The probe succeeded and the breaker closed. */
        CLOSED
    }

    /** Tuning shared by every endpoint's breaker. */
    public record Settings(double failureRatio, int minimumRequests, int consecutiveFailures, Duration window,
            Duration openFor) {
        public Settings {
            if (!(failureRatio > 0 && failureRatio <= 1) || minimumRequests < 1 || consecutiveFailures < 1
                    || window.toMillis() < 1 || openFor.isNegative() || openFor.isZero()) {
                throw new IllegalArgumentException("invalid circuit breaker settings");
            }
        }
    }

    static final int BUCKETS = 10;
    // tolerance for ratios such as 7/10 vs 0.7 that differ only by floating-point rounding
    private static final double EPSILON = 1e-9;

    private final Clock clock;
    private final Settings settings;
    private final long bucketMillis;
    private final long[] bucketIds = new long[BUCKETS];
    private final int[] successes = new int[BUCKETS];
    private final int[] failures = new int[BUCKETS];

    private State state = State.CLOSED;
    private int failuresInARow;
    private Instant openUntil;
    private Instant probeExpiresAt;
    private Instant lastUsed;

    public CircuitBreaker(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        this.bucketMillis = Math.max(1, settings.window().toMillis() / BUCKETS);
        this.lastUsed = clock.instant();
        Arrays.fill(bucketIds, Long.MIN_VALUE);
    }

    /** Whether a request may start now; in HALF_OPEN a {@code true} answer consumes the probe slot. */
    public synchronized boolean allowsRequest() {
        Instant now = touch();
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now.isBefore(openUntil)) {
                    return false;
                }
                state = State.HALF_OPEN;
                return grantProbe(now);
            default:
                return !now.isBefore(probeExpiresAt) && grantProbe(now);
        }
    }

    /**
     * Reports a request the endpoint handled: the probe's success closes the breaker; in CLOSED it can also be
     * the outcome that reaches {@code minimumRequests} with a failure ratio at the threshold, and open it.
     */
    public synchronized Transition onSuccess() {
        Instant now = touch();
        if (state == State.HALF_OPEN) {
            close();
            return Transition.CLOSED;
        }
        if (state != State.CLOSED) {
            return Transition.NONE;
        }
        failuresInARow = 0;
        successes[bucket(now)]++;
        tripIfNeeded(now);
        return state == State.OPEN ? Transition.OPENED : Transition.NONE;
    }

    /** Reports a request the endpoint failed (any outcome other than 2xx that is the endpoint's fault). */
    public synchronized Transition onFailure() {
        Instant now = touch();
        if (state == State.HALF_OPEN) {
            open(now);
            return Transition.OPENED;
        }
        if (state != State.CLOSED) {
            return Transition.NONE;
        }
        failures[bucket(now)]++;
        if (++failuresInARow >= settings.consecutiveFailures()) {
            open(now);
        } else {
            tripIfNeeded(now);
        }
        return state == State.OPEN ? Transition.OPENED : Transition.NONE;
    }

    /** The current state; an OPEN breaker whose {@code openFor} has elapsed reads as HALF_OPEN. */
    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /**
     * Earliest instant at which {@link #allowsRequest()} may answer {@code true} again: the end of
     * the open period, or the expiry of an outstanding probe. Empty when a request would be allowed now.
     */
    public synchronized Optional<Instant> openUntil() {
        Instant now = clock.instant();
        Instant until = switch (state) {
            case CLOSED -> null;
            case OPEN -> openUntil;
            case HALF_OPEN -> probeExpiresAt;
        };
        return until != null && now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** Whether this breaker is unused since {@code cutoff} and not rejecting requests, so it can be forgotten. */
    public synchronized boolean isEvictable(Instant cutoff) {
        return lastUsed.isBefore(cutoff) && openUntil().isEmpty();
    }

    private boolean grantProbe(Instant now) {
        probeExpiresAt = now.plus(settings.openFor());
        return true;
    }

    private void open(Instant now) {
        state = State.OPEN;
        failuresInARow = 0;
        openUntil = now.plus(settings.openFor());
        probeExpiresAt = null;
    }

    private void close() {
        state = State.CLOSED;
        failuresInARow = 0;
        openUntil = null;
        probeExpiresAt = null;
        Arrays.fill(bucketIds, Long.MIN_VALUE);
        Arrays.fill(successes, 0);
        Arrays.fill(failures, 0);
    }

    // checked after successes too: a success can be the outcome that reaches minimumRequests
    private void tripIfNeeded(Instant now) {
        if (shouldTrip(now)) {
            open(now);
        }
    }

    private boolean shouldTrip(Instant now) {
        long current = bucketId(now);
        int total = 0;
        int failed = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketIds[i] > current - BUCKETS) {
                total += successes[i] + failures[i];
                failed += failures[i];
            }
        }
        return total >= settings.minimumRequests()
                && (double) failed / total >= settings.failureRatio() - EPSILON;
    }

    // index of the bucket for now, recycled (zeroed) if it last held an older period
    private int bucket(Instant now) {
        long id = bucketId(now);
        int index = (int) Math.floorMod(id, (long) BUCKETS);
        if (bucketIds[index] != id) {
            bucketIds[index] = id;
            successes[index] = 0;
            failures[index] = 0;
        }
        return index;
    }

    private long bucketId(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), bucketMillis);
    }

    private Instant touch() {
        lastUsed = clock.instant();
        return lastUsed;
    }
}
