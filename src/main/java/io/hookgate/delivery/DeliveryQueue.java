package io.hookgate.delivery;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The deliveries table used as a queue. Claiming moves next_attempt_at forward by the lease, so rows of
 * a crashed replica become due again by themselves; SKIP LOCKED lets replicas claim side by side.
 * NO KEY UPDATE, not UPDATE: it must not block the foreign-key share locks of attempt inserts.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** What an attempt needs of its subscription (alias {@code s}), read in the statement that leases the row. */
    public static final String SUBSCRIPTION_COLUMNS = """
            s.url, s.format, s.status AS sub_status, s.secret_key_version, s.secret_ciphertext,
            s.previous_key_version, s.previous_ciphertext, s.previous_expires_at, s.failing_since""";

    static final String CLAIM = """
            WITH claimed AS (
                UPDATE deliveries d
                   SET next_attempt_at = now() + make_interval(secs => $3), lease_owner = $4
                  FROM (SELECT id FROM deliveries
                         WHERE status = 'pending' AND next_attempt_at <= now()
                           AND NOT (subscription_id = ANY($2))
                         ORDER BY next_attempt_at
                         LIMIT $1
                           FOR NO KEY UPDATE SKIP LOCKED) due
                 WHERE d.id = due.id
             RETURNING d.id, d.event_id, d.subscription_id, d.tenant_id, d.event_type, d.attempts,
                       d.cycle_attempts, d.source_at, d.first_attempt_at, d.next_attempt_at)
            SELECT c.*, %s, e.occurred_at_text, e.payload
              FROM claimed c
              JOIN subscriptions s ON s.id = c.subscription_id
              JOIN events e ON e.id = c.event_id""".formatted(SUBSCRIPTION_COLUMNS);

    /**
     * For the claim's transaction only. A claim holds row locks while it scans, so it is bounded on its own.
     * And it is planned for its actual limit every time: as a cached statement PostgreSQL may switch it to a
     * generic plan that guesses {@code LIMIT $1} at 10 % of the due rows and then hashes the whole deliveries
     * table; with a backlog that takes longer than the timeout, every round (seen in the benchmark).
     */
    static final String CLAIM_SETTINGS = "SELECT set_config('statement_timeout', '5s', true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true)";

    private static final String POSTPONE = """
            UPDATE deliveries d SET next_attempt_at = u.at, lease_owner = NULL
              FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at)
             WHERE d.id = u.id AND d.lease_owner = $3 AND d.status = 'pending'""";

    private final Pool pool;

    public DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    /** Leases up to {@code limit} due deliveries, skipping subscriptions whose endpoint cannot take more. */
    public Uni<List<ClaimedDelivery>> claim(int limit, Collection<UUID> excludedSubscriptions, Duration lease,
            String owner) {
        Tuple args = Tuple.of(limit).addArrayOfUUID(excludedSubscriptions.toArray(UUID[]::new))
                .addDouble(lease.toMillis() / 1000.0).addString(owner);
        return pool.withTransaction(conn -> conn.query(CLAIM_SETTINGS).execute()
                .chain(() -> conn.preparedQuery(CLAIM).execute(args))).map(rows -> {
            List<ClaimedDelivery> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                claimed.add(toClaimed(row));
            }
            return claimed;
        });
    }

    /** Hands leased rows back without using an attempt: due again at the given instants. */
    public Uni<Void> postpone(List<UUID> ids, List<Instant> dueAt, String owner) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime[] at = dueAt.stream().map(i -> i.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        return pool.preparedQuery(POSTPONE)
                .execute(Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new)).addArrayOfOffsetDateTime(at)
                        .addString(owner))
                .replaceWithVoid();
    }

    private static ClaimedDelivery toClaimed(Row row) {
        return toClaimed(row, new ClaimedDelivery.Event(row.getString("occurred_at_text"), row.getString("payload")));
    }

    /** A row the intake just stored leased to this replica, with the payload it already holds. */
    public static ClaimedDelivery fresh(Row row, ClaimedDelivery.Event event) {
        return toClaimed(row, event);
    }

    private static ClaimedDelivery toClaimed(Row row, ClaimedDelivery.Event event) {
        Integer previousVersion = row.getInteger("previous_key_version");
        ClaimedDelivery.Subscription subscription = new ClaimedDelivery.Subscription(row.getString("url"),
                row.getString("format"), row.getString("sub_status"), row.getInteger("secret_key_version"),
                bytes(row, "secret_ciphertext"), previousVersion, bytes(row, "previous_ciphertext"),
                instant(row, "previous_expires_at"), instant(row, "failing_since"));
        return new ClaimedDelivery(row.getUUID("id"), row.getString("event_id"), row.getUUID("subscription_id"),
                row.getUUID("tenant_id"), row.getString("event_type"), row.getInteger("attempts"),
                row.getInteger("cycle_attempts"), instant(row, "source_at"), instant(row, "first_attempt_at"),
                instant(row, "next_attempt_at"), subscription, event);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }
}
