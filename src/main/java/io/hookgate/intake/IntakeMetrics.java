package io.hookgate.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * hookgate_events_consumed_total by result, how long records wait before they are stored, batch sizes, and the age
 * of the oldest Kafka batch not yet stored (the stall signal: it grows while a batch cannot be stored or
 * dead-lettered, whatever the reason).
 */
@ApplicationScoped
@Startup
public class IntakeMetrics {

    private final Counter fannedOut;
    private final Counter skipped;
    private final Counter invalid;
    private final Timer storedAfter;
    private final DistributionSummary batchRecords;
    private final Timer batchStore;
    private final Clock clock;
    private final Map<Object, Instant> unstored = new ConcurrentHashMap<>();

    public IntakeMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
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
        Gauge.builder("hookgate.intake.oldest.unstored", this, IntakeMetrics::oldestUnstoredSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest Kafka batch the intake holds that is not yet stored and dead-lettered")
                .register(registry);
    }

    /** Notes a batch that reached the intake; the returned token ends it in {@link #storedOrGone}. */
    Object unstored(Instant since) {
        Object token = new Object();
        unstored.put(token, since);
        return token;
    }

    /** The batch is durable, or gone (failed, cancelled by a rebalance): it no longer ages. */
    void storedOrGone(Object token) {
        unstored.remove(token);
    }

    /** Seconds since the oldest batch still unstored reached the intake; 0 when none is. */
    public double oldestUnstoredSeconds() {
        Instant now = clock.instant();
        return unstored.values().stream().min(Instant::compareTo)
                .map(since -> Math.max(0, Duration.between(since, now).toMillis()) / 1000.0).orElse(0.0);
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
