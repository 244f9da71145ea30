package io.hookgate.delivery;

import io.hookgate.delivery.policy.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place that decides whether a request to an endpoint may go: one {@link CircuitBreaker} per endpoint
 * key, on the injected clock, reached only through these keyed methods. With {@code breaker.enabled=false} every
 * request may go, no outcome is recorded and no breaker exists, so none can ever open. Breakers unused for
 * {@code 2 x window} and not rejecting requests are forgotten, swept at most once per window from the calling
 * thread, so memory tracks the set of active endpoints. Thread-safe.
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
        return new EndpointBreakers(clock, config.enabled(), DeliveryPolicyProducer.breakerSettings(config));
    }

    /** Whether breakers are active at all. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether a request to the endpoint may start now; in HALF_OPEN a {@code true} answer is the probe. */
    public boolean allowsRequest(String endpointKey) {
        return !enabled || forEndpoint(endpointKey).allowsRequest();
    }

    /** Reports a request the endpoint handled (2xx or a 4xx that is the request's fault). */
    public CircuitBreaker.Transition onSuccess(String endpointKey) {
        return enabled ? forEndpoint(endpointKey).onSuccess() : CircuitBreaker.Transition.NONE;
    }

    /** Reports a request the endpoint failed. */
    public CircuitBreaker.Transition onFailure(String endpointKey) {
        return enabled ? forEndpoint(endpointKey).onFailure() : CircuitBreaker.Transition.NONE;
    }

    /**
     * Until when {@link #allowsRequest} would refuse the endpoint (open, or its probe outstanding); empty if a
     * request may go now. Only reads: it never takes the probe.
     */
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

    /** Forgets breakers idle for {@code 2 x window} that are not rejecting requests. */
    public void evictIdle() {
        Instant cutoff = clock.instant().minus(idleAfter);
        breakers.entrySet().removeIf(e -> e.getValue().isEvictable(cutoff));
    }

    private CircuitBreaker forEndpoint(String endpointKey) {
        sweepIfDue();
        return breakers.computeIfAbsent(endpointKey, k -> new CircuitBreaker(clock, settings));
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
