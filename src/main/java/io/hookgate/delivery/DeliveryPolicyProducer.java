package io.hookgate.delivery;

import io.hookgate.delivery.policy.CircuitBreaker;
import io.hookgate.delivery.policy.InFlightLimiter;
import io.hookgate.delivery.policy.RetryPolicy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * CDI wiring for the pure delivery policies. Eager ({@link Startup}) so that an invalid
 * {@code hookgate.delivery.*} configuration stops the application at boot, not at the first delivery.
 */
@Startup
@Singleton
public class DeliveryPolicyProducer {

    /** Rows waiting in memory may be this many times each in-flight cap (and no more than 32 Mi payload chars). */
    static final int QUEUE_FACTOR = 4;

    private final DeliveryConfig config;
    private final Clock clock;

    public DeliveryPolicyProducer(DeliveryConfig config, Clock clock) {
        DeliveryConfigValidator.validate(config);
        this.config = config;
        this.clock = clock;
    }

    /** Retry schedule with jitter and the overload floor. */
    @Produces
    @Singleton
    RetryPolicy retryPolicy() {
        return retryPolicy(config);
    }

    /** A retry policy built from the typed configuration. */
    static RetryPolicy retryPolicy(DeliveryConfig config) {
        return RetryPolicy.of(config.retrySchedule(), config.jitter(), config.overloadFloor());
    }

    /** Caps from {@code hookgate.delivery.max-in-flight-per-host}, {@code -per-tenant} and {@code max-in-flight}. */
    static InFlightLimiter.Caps inFlightCaps(DeliveryConfig config) {
        return new InFlightLimiter.Caps(config.maxInFlightPerHost(), config.maxInFlightPerTenant(),
                config.maxInFlight(), QUEUE_FACTOR);
    }

    /** Breaker settings from {@code hookgate.delivery.breaker.*}. */
    static CircuitBreaker.Settings breakerSettings(DeliveryConfig.Breaker config) {
        return new CircuitBreaker.Settings(config.failureRatio(), config.minimumRequests(),
                config.consecutiveFailures(), config.window(), config.openFor());
    }

    /** Per-endpoint circuit breakers on the application's clock (tests move it). */
    @Produces
    @Singleton
    EndpointBreakers endpointBreakers() {
        return EndpointBreakers.from(config.breaker(), clock);
    }
}
