package io.hookgate.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** hookgate_events_consumed_total by result, how long records wait before they are stored, and batch sizes. */
@ApplicationScoped
public class IntakeMetrics {

    private final Counter fannedOut;
    private final Counter skipped;
    private final Counter invalid;
    private final Timer storedAfter;
    private final DistributionSummary batchRecords;
    private final Timer batchStore;

    public IntakeMetrics(MeterRegistry registry) {
        this.fannedOut = counter(registry, "fanned_out");
        this.skipped = counter(registry, "skipped");
        this.invalid = counter(registry, "invalid");
        this.storedAfter = Timer.builder("hookgate.intake.stored.delay")
                .description("Kafka record timestamp to its deliveries being durable; the intake's share of latency")
                .register(registry);
        this.batchRecords = DistributionSummary.builder("hookgate.intake.batch.records")
                .description("Records per consumed Kafka batch").register(registry);
        this.batchStore = Timer.builder("hookgate.intake.batch.duration")
                .description("From a Kafka batch reaching the intake to its deliveries being durable")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("hookgate.events.consumed").description("Chat records consumed, by result")
                .tag("result", result).register(registry);
    }

    void stored(Iterable<Instant> recordedAt, Instant now) {
        for (Instant at : recordedAt) {
            storedAfter.record(Duration.between(at, now).isNegative() ? Duration.ZERO : Duration.between(at, now));
        }
    }

    void batch(int records, Duration took) {
        batchRecords.record(records);
        batchStore.record(took);
    }

    void consumed(int fannedOutCount, int skippedCount, int invalidCount) {
        fannedOut.increment(fannedOutCount);
        skipped.increment(skippedCount);
        invalid.increment(invalidCount);
    }
}
