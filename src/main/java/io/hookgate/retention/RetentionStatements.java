package io.hookgate.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * All of retention's SQL (SPEC 10), each statement bounded by a LIMIT over a partial index (V5__retention.sql) and
 * taking its rows with SKIP LOCKED, so it never waits on a row the dispatcher or the intake holds, nor makes them
 * wait longer than one small statement. Attempts go with their delivery; an event goes once no delivery refers to
 * it (and no pull message, SPEC 10). A delivery whose dead letter is still in the outbox is kept.
 */
@ApplicationScoped
public class RetentionStatements {

    private static final String DELIVERIES = """
            WITH doomed AS (
                SELECT id FROM deliveries
                 WHERE status = '%1$s' AND %2$s < now() - make_interval(secs => $1) %3$s
                 ORDER BY %2$s LIMIT $2
                   FOR UPDATE SKIP LOCKED),
            attempts_gone AS (DELETE FROM attempts a USING doomed WHERE a.delivery_id = doomed.id RETURNING 1),
            gone AS (DELETE FROM deliveries d USING doomed WHERE d.id = doomed.id RETURNING d.event_id)
            SELECT (SELECT count(*) FROM gone) AS deliveries, (SELECT count(*) FROM attempts_gone) AS attempts,
                   (SELECT array_agg(DISTINCT event_id) FROM gone) AS event_ids""";
    private static final String DELIVERED = DELIVERIES.formatted("delivered", "delivered_at", "");
    private static final String FAILED = DELIVERIES.formatted("failed", "last_attempt_at",
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.delivery_id = deliveries.id)");
    /** Events of the deliveries just deleted; one the intake is referencing right now is locked and skipped. */
    private static final String EVENTS = """
            WITH doomed AS (
                SELECT id FROM events e
                 WHERE e.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)
                   AND NOT EXISTS (SELECT 1 FROM pull_messages p WHERE p.event_id = e.id)
                   FOR UPDATE SKIP LOCKED)
            DELETE FROM events e USING doomed WHERE e.id = doomed.id""";
    /** Events no deletion above reaches: those of deleted subscriptions, and pings. */
    private static final String ORPHANS = """
            WITH doomed AS (
                SELECT id FROM events e
                 WHERE e.received_at < now() - make_interval(secs => $1)
                   AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)
                   AND NOT EXISTS (SELECT 1 FROM pull_messages p WHERE p.event_id = e.id)
                 LIMIT $2 FOR UPDATE SKIP LOCKED)
            DELETE FROM events e USING doomed WHERE e.id = doomed.id""";

    private final Pool pool;

    public RetentionStatements(Pool pool) {
        this.pool = pool;
    }

    /** What one delete of deliveries removed, and the events it may have left unreferenced. */
    public record Purged(long deliveries, long attempts, List<String> eventIds) {
    }

    public Uni<Purged> delivered(Duration olderThan, int limit) {
        return deliveries(DELIVERED, olderThan, limit);
    }

    public Uni<Purged> failed(Duration olderThan, int limit) {
        return deliveries(FAILED, olderThan, limit);
    }

    public Uni<Long> events(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return pool.preparedQuery(EVENTS).execute(Tuple.tuple().addArrayOfString(ids.toArray(String[]::new)))
                .map(rows -> (long) rows.rowCount());
    }

    public Uni<Long> orphanEvents(Duration olderThan, int limit) {
        return pool.preparedQuery(ORPHANS).execute(Tuple.of(seconds(olderThan), limit))
                .map(rows -> (long) rows.rowCount());
    }

    private Uni<Purged> deliveries(String sql, Duration olderThan, int limit) {
        return pool.preparedQuery(sql).execute(Tuple.of(seconds(olderThan), limit)).map(rows -> {
            Row r = rows.iterator().next();
            String[] events = r.getArrayOfStrings("event_ids");
            return new Purged(r.getLong("deliveries"), r.getLong("attempts"), events == null ? List.of() : List.of(events));
        });
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
