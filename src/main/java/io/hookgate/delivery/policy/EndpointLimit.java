package io.hookgate.delivery.policy;

/**
 * The in-flight limit of one endpoint, adapting between a floor and a ceiling (SPEC §3): additive increase while
 * the endpoint is kept busy and answers near its fastest latency, multiplicative decrease on a failure (halving)
 * and on latency well above that floor (a tenth, at most once per limit's worth of answers). An endpoint that
 * never answers well never grows, so a hanging one holds the floor; one that stops answering after growing halves
 * on each failure (floor 8, ceiling 64: back at the floor after three). The floor latency is the lowest of the
 * current and the previous window of {@value #WINDOW} answers, so an endpoint that moved further away is judged by
 * its new floor, not held small for ever.
 * Not thread-safe: the lanes use it under their lock.
 */
public final class EndpointLimit {

    /** Answers per floor-latency window. */
    static final int WINDOW = 1_000;
    /** Latency still counts as "near the floor" up to twice the floor plus this, for jitter on fast links. */
    static final long NEAR_SLACK_NANOS = 5_000_000;
    /** Latency above four times the floor plus this is "rising": the limit backs off. */
    static final long SLOW_SLACK_NANOS = 20_000_000;
    private static final double SLOW_BACKOFF = 0.9;

    private final int floor;
    private final int ceiling;
    private int limit;
    private int credit;
    private int sinceBackoff;
    private long floorNanos = Long.MAX_VALUE;
    private long previousWindowMin = Long.MAX_VALUE;
    private long windowMin = Long.MAX_VALUE;
    private int windowCount;

    /** A fixed limit: the floor and the ceiling are the same. */
    public EndpointLimit(int floor) {
        this(floor, floor);
    }

    public EndpointLimit(int floor, int ceiling) {
        if (floor < 1 || ceiling < floor) {
            throw new IllegalArgumentException("an endpoint limit is at least 1 and its ceiling at least its floor");
        }
        this.floor = floor;
        this.ceiling = ceiling;
        this.limit = floor;
    }

    /** Most attempts this endpoint may have in flight now. */
    public int current() {
        return limit;
    }

    /**
     * Learns from one finished attempt.
     *
     * @param latencyNanos how long the attempt took, from its start to its outcome
     * @param failed       whether the endpoint failed (timeout, connection error, 5xx, 429: what its breaker counts)
     * @param busy         whether the endpoint was kept at its limit (work was waiting for it): only then does a
     *                     good answer say that more concurrency would be used
     */
    public void onOutcome(long latencyNanos, boolean failed, boolean busy) {
        sinceBackoff = Math.min(sinceBackoff + 1, Integer.MAX_VALUE - 1);
        if (failed) {
            backOff(limit / 2);
            return;
        }
        learnFloor(Math.max(1, latencyNanos));
        if (latencyNanos > 4 * floorNanos + SLOW_SLACK_NANOS) {
            if (sinceBackoff >= limit) {
                backOff((int) (limit * SLOW_BACKOFF));
            }
        } else if (busy && latencyNanos <= 2 * floorNanos + NEAR_SLACK_NANOS && limit < ceiling) {
            // one more slot per limit's worth of good answers: about one per round trip, as TCP's congestion avoidance
            if (++credit >= limit) {
                limit++;
                credit = 0;
            }
        }
    }

    private void backOff(int to) {
        limit = Math.max(floor, to);
        credit = 0;
        sinceBackoff = 0;
    }

    private void learnFloor(long nanos) {
        windowMin = Math.min(windowMin, nanos);
        if (++windowCount >= WINDOW) {
            previousWindowMin = windowMin;
            windowMin = Long.MAX_VALUE;
            windowCount = 0;
        }
        floorNanos = Math.min(previousWindowMin, windowMin);
    }
}
