package io.hookgate.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@link CircuitBreaker} per endpoint key (subscription id or host, the caller decides).
 * Breakers unused for {@code 2 × window} and not rejecting requests are forgotten, swept at most once
 * per window from the calling thread, so memory tracks the set of active endpoints. When disabled,
 * every request is allowed and nothing is tracked. Thread-safe.
 */
public final class EndpointBreakers {

    private final Clock clock;
    private final boolean enabled;
    private final CircuitBreaker.Settings settings;
    private final Duration idleAfter;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepMillis;

    public EndpointBreakers(Clock clock, boolean enabled, CircuitBreaker.Settings settings) {
        this.clock = clock;
        this.enabled = enabled;
        this.settings = settings;
        this.idleAfter = settings.window().multipliedBy(2);
        this.nextSweepMillis = new AtomicLong(clock.millis() + settings.window().toMillis());
    }

    /** Breakers configured from {@code hookgate.delivery.breaker.*}. */
    public static EndpointBreakers from(DeliveryConfig.Breaker config, Clock clock) {
        return new EndpointBreakers(clock, config.enabled(), CircuitBreaker.Settings.from(config));
    }

    /** Whether breakers are active; when not, every method below is a no-op that allows everything. */
    public boolean enabled() {
        return enabled;
    }

    /** The endpoint's breaker, created CLOSED on first use (even when disabled; callers should not need it). */
    public CircuitBreaker forEndpoint(String endpointKey) {
        sweepIfDue();
        return breakers.computeIfAbsent(endpointKey, k -> new CircuitBreaker(clock, settings));
    }

    /** Whether a request to the endpoint may start now; consumes the probe slot when HALF_OPEN. */
    public boolean allowsRequest(String endpointKey) {
        return !enabled || forEndpoint(endpointKey).allowsRequest();
    }

    /** Reports a 2xx from the endpoint. */
    public void onSuccess(String endpointKey) {
        if (enabled) {
            forEndpoint(endpointKey).onSuccess();
        }
    }

    /** Reports a failed request to the endpoint (any non-2xx outcome). */
    public void onFailure(String endpointKey) {
        if (enabled) {
            forEndpoint(endpointKey).onFailure();
        }
    }

    /** When a postponed delivery to this endpoint should be tried again; empty if it may go now. */
    public Optional<Instant> openUntil(String endpointKey) {
        if (!enabled) {
            return Optional.empty();
        }
        CircuitBreaker breaker = breakers.get(endpointKey);
        return breaker == null ? Optional.empty() : breaker.openUntil();
    }

    /** Endpoints whose breaker is not CLOSED (OPEN or HALF_OPEN): the {@code hookgate_endpoints_circuit_open} gauge. */
    public int openCount() {
        int open = 0;
        for (CircuitBreaker breaker : breakers.values()) {
            if (breaker.state() != CircuitBreaker.State.CLOSED) {
                open++;
            }
        }
        return open;
    }

    /** Number of endpoints currently tracked. */
    public int size() {
        return breakers.size();
    }

    /** Forgets breakers idle for {@code 2 × window} that are not rejecting requests. */
    public void evictIdle() {
        Instant cutoff = clock.instant().minus(idleAfter);
        breakers.entrySet().removeIf(e -> e.getValue().isEvictable(cutoff));
    }

    private void sweepIfDue() {
        long now = clock.millis();
        long due = nextSweepMillis.get();
        // one caller wins the sweep; the rest go straight on
        if (now >= due && nextSweepMillis.compareAndSet(due, now + settings.window().toMillis())) {
            evictIdle();
        }
    }
}
