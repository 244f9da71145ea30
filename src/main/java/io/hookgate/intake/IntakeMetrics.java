package io.hookgate.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** hookgate_events_consumed_total by result. */
@ApplicationScoped
public class IntakeMetrics {

    private final Counter fannedOut;
    private final Counter skipped;
    private final Counter invalid;

    public IntakeMetrics(MeterRegistry registry) {
        this.fannedOut = counter(registry, "fanned_out");
        this.skipped = counter(registry, "skipped");
        this.invalid = counter(registry, "invalid");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("hookgate.events.consumed").description("Chat records consumed, by result")
                .tag("result", result).register(registry);
    }

    void consumed(int fannedOutCount, int skippedCount, int invalidCount) {
        fannedOut.increment(fannedOutCount);
        skipped.increment(skippedCount);
        invalid.increment(invalidCount);
    }
}
