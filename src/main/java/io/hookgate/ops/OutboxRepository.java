package io.hookgate.ops;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of the outbox (V4__outbox.sql): claim due rows, settle each one, insert, and count for the gauges. */
@ApplicationScoped
public class OutboxRepository {

    private static final String CLAIM = """
            UPDATE outbox o SET next_attempt_at = now() + make_interval(secs => $2)
              FROM (SELECT id FROM outbox WHERE parked_at IS NULL AND next_attempt_at <= now()
                     ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
             WHERE o.id = due.id
            RETURNING o.id, o.kind, o.subscription_id, o.tenant_id, o.delivery_id, o.operation, o.detail,
                      o.created_at, o.attempts, o.record_failures""";
    private static final String DONE = "DELETE FROM outbox WHERE id = ANY($1)";
    private static final String FAILED = """
            UPDATE outbox o
               SET attempts = o.attempts + 1, record_failures = o.record_failures + f.record, last_error = f.error,
                   next_attempt_at = now() + make_interval(secs => f.delay),
                   parked_at = CASE WHEN f.park THEN now() END
              FROM unnest($1::bigint[], $2::float8[], $3::int[], $4::text[], $5::bool[]) AS f(id, delay, record, error, park)
             WHERE o.id = f.id""";
    private static final String INSERT_OPERATION = """
            INSERT INTO outbox (kind, subscription_id, tenant_id, operation, detail)
            VALUES ('operation', $1, $2, $3, $4)""";
    private static final String STATS = """
            SELECT kind, count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
                   count(*) FILTER (WHERE parked_at IS NULL) AS pending,
                   coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0) AS oldest
              FROM outbox GROUP BY kind""";

    private final Pool pool;

    public OutboxRepository(Pool pool) {
        this.pool = pool;
    }

    /** One failed send to record: retry after {@code delay}, or park when {@code park}. */
    public record Failure(long id, Duration delay, boolean recordProblem, String error, boolean park) {
    }

    /** Per kind: rows parked, rows waiting, and the age of the oldest waiting one. */
    public record Stats(String kind, long parked, long pending, double oldestPendingSeconds) {
    }

    /** Leases up to {@code limit} due rows to the caller, oldest due first; rows other replicas hold are skipped. */
    public Uni<List<OutboxRow>> claim(int limit, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, lease.toMillis() / 1000.0)).map(rows -> {
            List<OutboxRow> claimed = new ArrayList<>();
            rows.forEach(r -> claimed.add(row(r)));
            return claimed;
        });
    }

    /** Rows whose own send succeeded (or that have nothing left to send) are removed. */
    public Uni<Void> done(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(DONE).execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> failed(List<Failure> failures) {
        if (failures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = failures.size();
        Long[] ids = new Long[n];
        Double[] delays = new Double[n];
        Integer[] record = new Integer[n];
        String[] errors = new String[n];
        Boolean[] park = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Failure f = failures.get(i);
            ids[i] = f.id();
            delays[i] = f.delay().toMillis() / 1000.0;
            record[i] = f.recordProblem() ? 1 : 0;
            errors[i] = f.error();
            park[i] = f.park();
        }
        Tuple args = Tuple.tuple().addArrayOfLong(ids).addArrayOfDouble(delays).addArrayOfInteger(record)
                .addArrayOfString(errors).addArrayOfBoolean(park);
        return pool.preparedQuery(FAILED).execute(args).replaceWithVoid();
    }

    /** An operational event without a state change of its own to ride on. */
    public Uni<Void> insertOperation(String type, UUID subscriptionId, UUID tenantId, String detail) {
        return pool.preparedQuery(INSERT_OPERATION).execute(Tuple.of(subscriptionId, tenantId, type, detail))
                .replaceWithVoid();
    }

    public Uni<List<Stats>> stats() {
        return pool.query(STATS).execute().map(rows -> {
            List<Stats> stats = new ArrayList<>();
            rows.forEach(r -> stats.add(new Stats(r.getString("kind"), r.getLong("parked"), r.getLong("pending"),
                    r.getNumeric("oldest").doubleValue())));
            return stats;
        });
    }

    private static OutboxRow row(Row r) {
        return new OutboxRow(r.getLong("id"), r.getString("kind"), r.getUUID("subscription_id"),
                r.getUUID("tenant_id"), r.getUUID("delivery_id"), r.getString("operation"), r.getString("detail"),
                r.getOffsetDateTime("created_at").toInstant(), r.getInteger("attempts"), r.getInteger("record_failures"));
    }
}
