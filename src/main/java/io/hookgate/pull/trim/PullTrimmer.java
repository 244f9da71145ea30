package io.hookgate.pull.trim;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies pull subscriptions' retention (SPEC 11) every {@code hookgate.pull.trim.interval}: on one replica at a
 * time (a session advisory lock, released by PostgreSQL if that replica dies), subscription by subscription, in
 * bounded delete statements. Each statement commits alone, so the trimmer never holds the snapshot's xmin (and
 * with it every reader's view of new messages) back for longer than one small statement.
 */
@ApplicationScoped
public class PullTrimmer {

    private final Pool pool;
    private final PullTrimConfig config;
    private final Vertx vertx;
    private final Counter deleted;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopped;

    public PullTrimmer(Pool pool, PullTrimConfig config, Vertx vertx, MeterRegistry registry) {
        if (config.batchSize() < 1 || config.maxBatchesPerRound() < 1 || config.interval().toMillis() < 100
                || config.interval().compareTo(Duration.ofSeconds(9)) > 0) {
            throw new IllegalArgumentException("hookgate.pull.trim: batch-size and max-batches-per-round must be at"
                    + " least 1, interval from 100ms to 9s (SPEC 11 applies retention within 10 s)");
        }
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
        this.deleted = Counter.builder("hookgate.retention.deleted").tag("kind", "pull_messages")
                .description("Rows deleted by retention, by kind").register(registry);
    }

    void start(@Observes StartupEvent event) {
        schedule();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    private void schedule() {
        if (stopped) {
            return;
        }
        vertx.setTimer(config.interval().toMillis(), id -> trim().subscribe().with(ignored -> schedule(), e -> {
            if (!stopped) {
                Log.warnf("pull retention round failed, the next one retries: %s", e.toString());
            }
            schedule();
        }));
    }

    /** One round now, if no other replica (and no other round here) is trimming. */
    public Uni<Void> trim() {
        return Uni.createFrom().deferred(() -> {
            if (!running.compareAndSet(false, true)) {
                return Uni.createFrom().voidItem();
            }
            return pool.withConnection(connection -> PullTrimStatements.tryLock(connection).chain(held -> held
                    ? round(connection).eventually(() -> PullTrimStatements.unlock(connection))
                    : Uni.createFrom().voidItem()))
                    .onTermination().invoke(() -> running.set(false));
        });
    }

    private Uni<Void> round(SqlConnection connection) {
        return PullTrimStatements.pullSubscriptions(connection).onItem().transformToMulti(ids ->
                Multi.createFrom().iterable(ids)).onItem().transformToUniAndConcatenate(id -> drain(connection, id, 0))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> drain(SqlConnection connection, UUID subscriptionId, int batches) {
        return PullTrimStatements.trim(connection, subscriptionId, config.batchSize()).chain(n -> {
            deleted.increment(n);
            return n == config.batchSize() && batches + 1 < config.maxBatchesPerRound()
                    ? drain(connection, subscriptionId, batches + 1)
                    : Uni.createFrom().voidItem();
        });
    }
}
