package io.hookgate.delivery;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes attempt results back in batches: one statement (attempts insert and deliveries update) per flush,
 * whatever the number of results. A failed flush is retried; nothing decided is dropped.
 */
@ApplicationScoped
public class OutcomeWriter {

    private static final int MAX_BATCH = 256;
    private static final int PERMANENT_RETRIES = 3;
    private static final long LINGER_MS = 5;
    /** Both writes in one statement: one round trip and an implicit transaction, no BEGIN or COMMIT. */
    private static final String WRITE = """
            WITH u AS (
                SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[], $5::int[], $6::text[],
                                     $7::text[], $8::text[], $9::timestamptz[])
                       AS u(id, n, at, code, latency, err, excerpt, status, next_at)),
            logged AS (
                INSERT INTO attempts (delivery_id, n, at, status_code, latency_ms, error, response_excerpt)
                SELECT id, n, at, code, latency, err, excerpt FROM u
                 WHERE EXISTS (SELECT 1 FROM deliveries x WHERE x.id = u.id)
                ON CONFLICT DO NOTHING)
            UPDATE deliveries d
               SET status = u.status, attempts = u.n, cycle_attempts = d.cycle_attempts + 1,
                   next_attempt_at = COALESCE(u.next_at, d.next_attempt_at), lease_owner = NULL,
                   last_status_code = u.code, last_error = u.err,
                   first_attempt_at = COALESCE(d.first_attempt_at, u.at), last_attempt_at = u.at,
                   delivered_at = CASE WHEN u.status = 'delivered' THEN u.at ELSE d.delivered_at END
              FROM u
             WHERE d.id = u.id AND d.lease_owner = $10 AND d.attempts = u.n - 1""";

    private final Pool pool;
    private final Vertx vertx;
    private final CompletionEffects effects;
    private final List<Completion> buffer = new ArrayList<>();
    private String owner;
    private boolean flushScheduled;
    private int flushing;

    public OutcomeWriter(Pool pool, Vertx vertx, CompletionEffects effects) {
        this.pool = pool;
        this.vertx = vertx;
        this.effects = effects;
    }

    void owner(String leaseOwner) {
        this.owner = leaseOwner;
    }

    public synchronized void submit(Completion completion) {
        buffer.add(completion);
        if (buffer.size() >= MAX_BATCH) {
            flushNow();
        } else if (!flushScheduled) {
            flushScheduled = true;
            vertx.setTimer(LINGER_MS, id -> flushNow());
        }
    }

    /** True while results are buffered or being written; shutdown waits for this to turn false. */
    public synchronized boolean busy() {
        return !buffer.isEmpty() || flushing > 0;
    }

    private synchronized void flushNow() {
        flushScheduled = false;
        if (buffer.isEmpty()) {
            return;
        }
        List<Completion> batch = List.copyOf(buffer);
        buffer.clear();
        flushing++;
        write(batch)
                .onFailure().invoke(e -> Log.warnf("writing %d delivery results failed, retrying: %s", batch.size(), e))
                .onFailure(OutcomeWriter::transientFailure).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .onFailure().retry().withBackOff(Duration.ofMillis(200)).atMost(PERMANENT_RETRIES)
                .subscribe().with(ignored -> written(batch), e -> abandoned(batch, e));
    }

    private synchronized void written(List<Completion> batch) {
        flushing--;
        effects.afterWrite(batch);
    }

    /** The rows stay leased and come back when the lease expires: a duplicate attempt, never a lost one. */
    private synchronized void abandoned(List<Completion> batch, Throwable e) {
        flushing--;
        Log.errorf("gave up writing %d delivery results; they will be attempted again after their lease: %s",
                batch.size(), e.toString());
    }

    /**
     * An outage or a conflict with a concurrent change heals by retrying; a data or integrity error the
     * server keeps raising would retry forever, holding every other result of the batch back with it.
     */
    static boolean transientFailure(Throwable e) {
        return !(e instanceof PgException pg) || !(pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }

    private Uni<Void> write(List<Completion> batch) {
        return pool.preparedQuery(WRITE).execute(arguments(batch)).replaceWithVoid();
    }

    private Tuple arguments(List<Completion> batch) {
        int n = batch.size();
        UUID[] ids = new UUID[n];
        Integer[] numbers = new Integer[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        Integer[] codes = new Integer[n];
        Integer[] latency = new Integer[n];
        String[] errors = new String[n];
        String[] excerpts = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Completion c = batch.get(i);
            AttemptResult r = c.attempt();
            ids[i] = c.delivery().id();
            numbers[i] = c.attemptNumber();
            at[i] = r.at().atOffset(ZoneOffset.UTC);
            codes[i] = r.statusCode();
            latency[i] = (int) Math.min(Integer.MAX_VALUE, r.latency().toMillis());
            errors[i] = r.errorCode();
            excerpts[i] = r.responseExcerpt();
            statuses[i] = c.status().value();
            next[i] = c.nextAttemptAt() == null ? null : c.nextAttemptAt().atOffset(ZoneOffset.UTC);
        }
        return Tuple.tuple().addArrayOfUUID(ids).addArrayOfInteger(numbers).addArrayOfOffsetDateTime(at)
                .addArrayOfInteger(codes).addArrayOfInteger(latency).addArrayOfString(errors)
                .addArrayOfString(excerpts).addArrayOfString(statuses).addArrayOfOffsetDateTime(next)
                .addString(owner);
    }
}
