package io.hookgate.delivery;

import io.hookgate.delivery.policy.EndpointLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One endpoint's share of the dispatcher: attempts in flight under its {@link EndpointLimit}, and a FIFO queue
 * bounded to about one second of the endpoint's own throughput (never less than its limit, never more than
 * {@value #MAX_QUEUE_FACTOR} times it), so a fast endpoint is fed without a claim per slot while a hanging one
 * holds no more waiting rows than it has in flight. Not thread-safe: {@link LaneScheduler} owns it.
 */
final class Lane {

    static final int MAX_QUEUE_FACTOR = 32;
    /** How much of the endpoint's own work may wait in memory. */
    static final Duration QUEUE_HORIZON = Duration.ofSeconds(1);
    /** Different spellings of one URL (e.g. upper-case host) kept for the claim's exclusion; more are rare. */
    static final int MAX_SPELLINGS = 8;
    private static final double EWMA_WEIGHT = 0.2;

    final Endpoint endpoint;
    final EndpointLimit limit;
    final ArrayDeque<ClaimedDelivery> queue = new ArrayDeque<>();
    final Set<UUID> subscriptions = new HashSet<>();
    final Set<String> urls = new LinkedHashSet<>();
    int inFlight;
    boolean inRing;
    /** The store likely holds due rows of this lane: it turned a row down, or its last top-up came back full. */
    boolean backlog;
    /** A top-up for this lane is on its way: one at a time. */
    boolean toppingUp;
    /** Rows were left in the store while a top-up was on its way: its answer may predate them. */
    boolean backlogSinceAsked;
    Instant lastActive;
    private double latencyMillis = -1;

    Lane(Endpoint endpoint, EndpointLimit limit, Instant now) {
        this.endpoint = endpoint;
        this.limit = limit;
        this.lastActive = now;
    }

    /** Remembers the URL text the store holds for this endpoint, so that claims can skip it while it is full. */
    void seen(String url) {
        if (urls.size() < MAX_SPELLINGS) {
            urls.add(url);
        }
    }

    /** The store holds rows of this lane; a top-up on its way may not see them, so its answer must not clear this. */
    void noteBacklog() {
        backlog = true;
        backlogSinceAsked |= toppingUp;
    }

    boolean atLimit() {
        return inFlight >= limit.current();
    }

    /** Rows that may wait here: one horizon of throughput at the observed latency, within [limit, 32 x limit]. */
    int queueBound() {
        int now = limit.current();
        if (latencyMillis <= 0) {
            return now;
        }
        double perHorizon = now * QUEUE_HORIZON.toMillis() / latencyMillis;
        return (int) Math.max(now, Math.min((long) now * MAX_QUEUE_FACTOR, Math.round(perHorizon)));
    }

    boolean queueFull() {
        return queue.size() >= queueBound();
    }

    boolean idle() {
        return inFlight == 0 && queue.isEmpty();
    }

    /**
     * Learns from a finished attempt. {@code busy}: work was waiting for this lane's limit, which, not a quiet
     * endpoint's speed, is what shows that more concurrency would be used.
     */
    void learn(Duration latency, boolean endpointFailed, boolean busy) {
        recordLatency(latency);
        limit.onOutcome(latency.toNanos(), endpointFailed, busy);
    }

    void recordLatency(Duration latency) {
        double ms = Math.max(1, latency.toMillis());
        latencyMillis = latencyMillis < 0 ? ms : latencyMillis + EWMA_WEIGHT * (ms - latencyMillis);
    }
}
