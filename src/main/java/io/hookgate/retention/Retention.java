package io.hookgate.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Deletes what SPEC 10 lets go, in rounds every {@code interval}: delivered deliveries, then failed ones (each with
 * their attempts and then-unreferenced events), then orphaned events. A round deletes batch after batch until a
 * batch comes back short, pausing after each batch as long as it took, so retention uses at most about half of one
 * connection and intake and dispatch always get the database in between. Every replica runs it; SKIP LOCKED keeps
 * them off each other's rows.
 */
@ApplicationScoped
public class Retention {

    private final RetentionStatements statements;
    private final RetentionConfig config;
    private final Vertx vertx;
    private final Map<String, Counter> deleted;
    private final Timer batches;
    private final AtomicBoolean running = new AtomicBoolean();

    public Retention(RetentionStatements statements, RetentionConfig config, Vertx vertx, MeterRegistry registry) {
        Duration minute = Duration.ofMinutes(1);
        if (config.batchSize() < 1 || config.interval().isNegative() || config.interval().isZero()
                || config.delivered().compareTo(minute) < 0 || config.failed().compareTo(minute) < 0) {
            throw new IllegalArgumentException("hookgate.retention: batch-size must be at least 1, interval positive,"
                    + " delivered and failed at least 1m");
        }
        this.statements = statements;
        this.config = config;
        this.vertx = vertx;
        this.deleted = Map.of("delivered", counter(registry, "delivered"), "failed", counter(registry, "failed"),
                "attempts", counter(registry, "attempts"), "events", counter(registry, "events"));
        this.batches = Timer.builder("hookgate.retention.batch.duration")
                .description("Duration of one retention delete statement (each holds its row locks this long at most)")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("hookgate.retention.deleted").tag("kind", kind)
                .description("Rows deleted by retention, by kind").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            schedule();
        }
    }

    private void schedule() {
        vertx.setTimer(config.interval().toMillis(), id -> purge().subscribe().with(ignored -> schedule(), e -> {
            Log.warnf("retention round failed, the next one retries: %s", e.toString());
            schedule();
        }));
    }

    /** One purge round now; completes when nothing more is due. A round already running makes this a no-op. */
    public Uni<Void> purge() {
        return Uni.createFrom().deferred(() -> {
            if (!running.compareAndSet(false, true)) {
                return Uni.createFrom().voidItem();
            }
            Duration longest = config.delivered().compareTo(config.failed()) > 0 ? config.delivered() : config.failed();
            return drain(() -> statements.delivered(config.delivered(), config.batchSize()), "delivered")
                    .chain(() -> drain(() -> statements.failed(config.failed(), config.batchSize()), "failed"))
                    .chain(() -> drainOrphans(longest))
                    .onTermination().invoke(() -> running.set(false));
        });
    }

    private Uni<Void> drain(Supplier<Uni<RetentionStatements.Purged>> batch, String kind) {
        long started = System.nanoTime();
        return timed(batch.get()).chain(purged -> {
            deleted.get(kind).increment(purged.deliveries());
            deleted.get("attempts").increment(purged.attempts());
            return timed(statements.events(purged.eventIds())).invoke(n -> deleted.get("events").increment(n))
                    .chain(() -> purged.deliveries() < config.batchSize() ? Uni.createFrom().voidItem()
                            : pause(started).chain(() -> drain(batch, kind)));
        });
    }

    private Uni<Void> drainOrphans(Duration olderThan) {
        long started = System.nanoTime();
        return timed(statements.orphanEvents(olderThan, config.batchSize())).chain(n -> {
            deleted.get("events").increment(n);
            return n < config.batchSize() ? Uni.createFrom().voidItem()
                    : pause(started).chain(() -> drainOrphans(olderThan));
        });
    }

    /** As long as the batch took, so retention never holds the database more than half the time. */
    private Uni<Void> pause(long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        return Uni.createFrom().voidItem().onItem().delayIt().by(took.compareTo(Duration.ofMillis(10)) < 0
                ? Duration.ofMillis(10) : took);
    }

    private <T> Uni<T> timed(Uni<T> statement) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return statement.onTermination().invoke(() -> batches.record(Duration.ofNanos(System.nanoTime() - started)));
        });
    }
}
