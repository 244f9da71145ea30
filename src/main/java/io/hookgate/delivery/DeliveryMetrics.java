package io.hookgate.delivery;

import io.hookgate.delivery.policy.DeliveryOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** SPEC section 8 delivery metrics. Labels carry outcomes only: never a URL, tenant or secret. */
@ApplicationScoped
@Startup
public class DeliveryMetrics {

    private final Map<DeliveryOutcome, Counter> outcomes = new EnumMap<>(DeliveryOutcome.class);
    private final Timer attemptSeconds;
    private final Timer endToEndSeconds;
    private final Clock clock;

    public DeliveryMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            outcomes.put(outcome, Counter.builder("hookgate.deliveries").description("Delivery outcomes")
                    .tag("outcome", outcome.label()).register(registry));
        }
        this.attemptSeconds = Timer.builder("hookgate.delivery.attempt").description("HTTP attempt duration")
                .publishPercentileHistogram().register(registry);
        this.endToEndSeconds = Timer.builder("hookgate.delivery.end.to.end")
                .description("Kafka record timestamp to 2xx").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(48))
                .register(registry);
    }

    /** Deliveries that ended without an attempt: expired, or their subscription disabled. */
    void recordUnattempted(DeliveryOutcome outcome, int count) {
        outcomes.get(outcome).increment(count);
    }

    void record(Completion c) {
        outcomes.get(c.outcome()).increment();
        attemptSeconds.record(c.attempt().latency());
        if (c.delivered() && c.delivery().sourceAt() != null) {
            endToEndSeconds.record(Duration.between(c.delivery().sourceAt(), clock.instant()));
        }
    }
}
