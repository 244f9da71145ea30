package io.hookgate.delivery;

import io.hookgate.subscription.SubscriptionFormat;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
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
 * A claim skips only what the lanes would refuse this very moment (URLs of full or breaker-held lanes, tenants
 * at their share); rows held for a breaker's probe carry {@code held}, so a good probe can make them due at once.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** What an attempt needs of its subscription (alias {@code s}), read in the statement that leases the row. */
    static final String SUBSCRIPTION_COLUMNS = """
            s.url, s.format, s.status AS sub_status, s.secret_key_version, s.secret_ciphertext,
            s.previous_key_version, s.previous_ciphertext, s.previous_expires_at, s.failing_since,
            s.expire_after_seconds""";

    // the cardinality tests fold to constants in the custom plan, so an empty exclusion costs nothing
    static final String CLAIM = leasing("""
            SELECT x.id, x.next_attempt_at AS due_at FROM deliveries x
                         WHERE x.status = 'pending' AND x.next_attempt_at <= now()
                           AND (cardinality($5::uuid[]) = 0 OR NOT (x.tenant_id = ANY($5)))
                           AND (cardinality($2::text[]) = 0 OR NOT EXISTS (SELECT 1 FROM subscriptions u
                                 WHERE u.id = x.subscription_id AND u.url = ANY($2)))
                         ORDER BY x.next_attempt_at
                         LIMIT $1
                           FOR NO KEY UPDATE OF x SKIP LOCKED""");

    /**
     * A lane's top-up: the due rows of its own subscriptions, oldest first, through one index range per subscription,
     * so it never walks another URL's rows and the general claim never walks this lane's backlog for it. Returned
     * in due order, as the lane queues them.
     */
    static final String TOP_UP = leasing("""
            SELECT x.id, x.due_at
                          FROM unnest($2::uuid[]) AS s(id)
                         CROSS JOIN LATERAL (SELECT y.id, y.next_attempt_at AS due_at FROM deliveries y
                                WHERE y.subscription_id = s.id AND y.status = 'pending' AND y.next_attempt_at <= now()
                                ORDER BY y.next_attempt_at
                                LIMIT $1
                                  FOR NO KEY UPDATE OF y SKIP LOCKED) x
                         ORDER BY x.due_at
                         LIMIT $1""") + "\n ORDER BY c.due_at";

    /**
     * Leases the rows {@code dueRows} selects ({@code id}, {@code due_at}; $1 limit, $3 lease seconds, $4 owner) and
     * reads what an attempt needs of each: one statement shape for the claim and the top-up.
     */
    private static String leasing(String dueRows) {
        return """
                WITH claimed AS (
                    UPDATE deliveries d
                       SET next_attempt_at = now() + make_interval(secs => $3), lease_owner = $4, held = false
                      FROM (%s) due
                     WHERE d.id = due.id
                 RETURNING d.id, d.event_id, d.subscription_id, d.tenant_id, d.event_type, d.attempts,
                           d.cycle_attempts, d.source_at, d.first_attempt_at, due.due_at, d.next_attempt_at)
                SELECT c.*, %s, e.occurred_at_text, e.payload
                  FROM claimed c
                  JOIN subscriptions s ON s.id = c.subscription_id
                  JOIN events e ON e.id = c.event_id""".formatted(dueRows, SUBSCRIPTION_COLUMNS);
    }

    /**
     * For the claim's transaction only. A claim holds row locks while it scans, so it is bounded on its own.
     * And it is planned for its actual limit every time: as a cached statement PostgreSQL may switch it to a
     * generic plan that guesses {@code LIMIT $1} at 10 % of the due rows and then hashes the whole deliveries
     * table; with a backlog that takes longer than the timeout, every round (seen in the benchmark).
     */
    static final String CLAIM_SETTINGS = "SELECT set_config('statement_timeout', '5s', true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true)";

    private static final String POSTPONE = """
            UPDATE deliveries d SET next_attempt_at = u.at, lease_owner = NULL, held = u.held
              FROM unnest($1::uuid[], $2::timestamptz[], $3::bool[]) AS u(id, at, held)
             WHERE d.id = u.id AND d.lease_owner = $4 AND d.status = 'pending'""";

    /** Rows held for these URLs' breaker (whoever holds them) become due at $2; the partial index finds them. */
    private static final String RETIME_HELD = """
            UPDATE deliveries SET next_attempt_at = $2
             WHERE held AND status = 'pending' AND lease_owner IS NULL AND next_attempt_at <> $2
               AND subscription_id IN (SELECT id FROM subscriptions WHERE url = ANY($1))""";

    private final Pool pool;

    public DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    /** Leases up to {@code limit} due deliveries, skipping rows of these URLs and tenants (the lanes would refuse them). */
    public Uni<List<ClaimedDelivery>> claim(int limit, Collection<String> excludedUrls, Collection<UUID> excludedTenants,
            Duration lease, String owner) {
        Tuple args = Tuple.of(limit).addArrayOfString(excludedUrls.toArray(String[]::new))
                .addDouble(lease.toMillis() / 1000.0).addString(owner)
                .addArrayOfUUID(excludedTenants.toArray(UUID[]::new));
        return pool.withTransaction(conn -> conn.query(CLAIM_SETTINGS).execute()
                .chain(() -> conn.preparedQuery(CLAIM).execute(args))).map(DeliveryQueue::toClaimed);
    }

    private static List<ClaimedDelivery> toClaimed(RowSet<Row> rows) {
        List<ClaimedDelivery> claimed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            claimed.add(toClaimed(row));
        }
        return claimed;
    }

    /** Leases up to {@code limit} due deliveries of these subscriptions (one lane's), oldest first. */
    public Uni<List<ClaimedDelivery>> topUp(Collection<UUID> subscriptions, int limit, Duration lease, String owner) {
        Tuple args = Tuple.of(limit).addArrayOfUUID(subscriptions.toArray(UUID[]::new))
                .addDouble(lease.toMillis() / 1000.0).addString(owner);
        return pool.withTransaction(conn -> conn.query(CLAIM_SETTINGS).execute()
                .chain(() -> conn.preparedQuery(TOP_UP).execute(args))).map(DeliveryQueue::toClaimed);
    }

    /** Hands leased rows back without using an attempt: due again at their instants, held for a probe or not. */
    public Uni<Void> postpone(List<LaneActions.Postponement> rows, String owner) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = rows.stream().map(p -> p.delivery().id()).toArray(UUID[]::new);
        OffsetDateTime[] at = rows.stream().map(p -> p.at().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        Boolean[] held = rows.stream().map(LaneActions.Postponement::held).toArray(Boolean[]::new);
        return pool.preparedQuery(POSTPONE)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfOffsetDateTime(at).addArrayOfBoolean(held)
                        .addString(owner))
                .replaceWithVoid();
    }

    /** Makes the rows held for a breaker of these URLs due at {@code at}: now after a good probe. */
    public Uni<Void> retimeHeld(List<String> urls, Instant at) {
        if (urls.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(RETIME_HELD)
                .execute(Tuple.of(urls.toArray(String[]::new), at.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    private static ClaimedDelivery toClaimed(Row row) {
        return toClaimed(row, new ClaimedDelivery.Event(row.getString("occurred_at_text"), row.getString("payload")));
    }

    /** A row the intake just stored leased to this replica, with the payload it already holds. */
    static ClaimedDelivery fresh(Row row, ClaimedDelivery.Event event) {
        return toClaimed(row, event);
    }

    private static ClaimedDelivery toClaimed(Row row, ClaimedDelivery.Event event) {
        Integer previousVersion = row.getInteger("previous_key_version");
        Integer expireAfter = row.getInteger("expire_after_seconds");
        ClaimedDelivery.Subscription subscription = new ClaimedDelivery.Subscription(row.getString("url"),
                SubscriptionFormat.of(row.getString("format")).orElseThrow(), row.getString("sub_status"), row.getInteger("secret_key_version"),
                bytes(row, "secret_ciphertext"), previousVersion, bytes(row, "previous_ciphertext"),
                instant(row, "previous_expires_at"), instant(row, "failing_since"),
                expireAfter == null ? null : Duration.ofSeconds(expireAfter));
        Instant sourceAt = instant(row, "source_at");
        // a fresh row from the intake has been due since its record arrived
        Instant dueAt = row.getColumnIndex("due_at") >= 0 ? instant(row, "due_at") : sourceAt;
        return new ClaimedDelivery(row.getUUID("id"), row.getString("event_id"), row.getUUID("subscription_id"),
                row.getUUID("tenant_id"), row.getString("event_type"), row.getInteger("attempts"),
                row.getInteger("cycle_attempts"), sourceAt, instant(row, "first_attempt_at"), dueAt,
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
