package io.hookgate.inbound.ingest;

import io.hookgate.inbound.InboundConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Deletes dedupe rows older than {@code hookgate.inbound.dedupe-window}, every
 * {@code hookgate.inbound.dedupe-retention-interval}, in batches of {@value #BATCH} so no statement holds locks
 * for long; safe on every replica at once.
 */
@ApplicationScoped
public class DedupeRetention {

    static final int BATCH = 1000;
    private static final int MAX_BATCHES_PER_RUN = 100;

    private final DedupeStore store;
    private final Vertx vertx;
    private final long intervalMillis;

    public DedupeRetention(DedupeStore store, Vertx vertx, InboundConfig config) {
        this.store = store;
        this.vertx = vertx;
        this.intervalMillis = config.dedupeRetentionInterval().toMillis();
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(intervalMillis, id -> run().subscribe().with(n -> { },
                e -> Log.debugf("inbound dedupe retention deferred: %s", e.getMessage())));
    }

    /** Deletes expired rows until a batch comes back short; the number deleted. */
    public Uni<Integer> run() {
        return batches(0, 0);
    }

    private Uni<Integer> batches(int done, int deleted) {
        return store.purgeExpired(BATCH).chain(n -> n == BATCH && done + 1 < MAX_BATCHES_PER_RUN
                ? batches(done + 1, deleted + n) : Uni.createFrom().item(deleted + n));
    }
}
