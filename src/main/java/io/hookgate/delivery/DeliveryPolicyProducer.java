package io.hookgate.delivery;

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
        return RetryPolicy.from(config);
    }

    /** Per-endpoint circuit breakers on the application's clock (tests move it). */
    @Produces
    @Singleton
    EndpointBreakers endpointBreakers() {
        return EndpointBreakers.from(config.breaker(), clock);
    }
}
